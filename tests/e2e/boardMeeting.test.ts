import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserAvailable } from "../support/browser";
import { laneOf, useBoardHarness } from "./boardHarness";

const cardOn = (page: Page, text: string) => page.locator(".card", { hasText: text });

describe.runIf(browserAvailable())("the board in meeting phases", { timeout: 90_000 }, () => {
  const h = useBoardHarness("board-meeting");

  it("offers votes only while the phase votes", async () => {
    const seeded = await h.seed({
      cards: [{ minute: 5, kind: "factor", text: "Canary got no EU traffic" }],
    });
    const priya = await h.open(seeded.board.links.participant, "Priya");
    const card = cardOn(priya.page, "Canary got no EU traffic");
    const voteButton = card.getByRole("button", { name: "Vote for this card" });
    await card.waitFor();
    expect(await voteButton.count()).toBe(0);

    await seeded.meeting({ action: "start" });
    await seeded.meeting({ action: "goto", phaseId: "factors" });
    await voteButton.click();
    await voteButton.click();
    await seeded.cardWhere("two votes", (c) => c.voteTotal === 2);
    await card.getByRole("button", { name: "Take back one of your votes" }).click();
    await seeded.cardWhere("one vote", (c) => c.voteTotal === 1);

    await seeded.meeting({ action: "next" });
    await expect.poll(() => voteButton.count()).toBe(0);
    // The tally stays readable after the vote.
    await card.getByText("1 vote").waitFor();
  });

  it("keeps drafts private while writing alone, and shows them to all on reveal", async () => {
    const seeded = await h.seed();
    const fran = await h.open(seeded.board.links.facilitator, "Fran");
    const priya = await h.open(seeded.board.links.participant, "Priya");
    await seeded.meeting({ action: "start" });
    await seeded.meeting({ action: "goto", phaseId: "perspectives" });
    await laneOf(priya.page, /Priya/).getByText("writing privately").waitFor();

    await priya.page.keyboard.press("n");
    await priya.page.locator(".card.draft [contenteditable='true']:focus").waitFor();
    await priya.page.keyboard.type("Thought the CDN was flapping");
    const draft = priya.page.locator(".card.draft", { hasText: "Thought the CDN was flapping" });
    await draft.getByText("Only you can see this").waitFor();

    // Everyone else sees that Priya is writing, not what.
    await laneOf(fran.page, /Priya/).getByText("writing… (1)").waitFor();
    expect(await fran.page.getByText("Thought the CDN was flapping").count()).toBe(0);
    expect(seeded.cards()).toHaveLength(0);

    await seeded.meeting({ action: "reveal" });
    const revealed = await seeded.cardWhere(
      "the revealed card",
      (c) => c.text === "Thought the CDN was flapping",
    );
    expect(revealed.laneId).toMatch(/^p-/);
    await cardOn(fran.page, "Thought the CDN was flapping").waitFor();
    await expect.poll(() => priya.page.locator(".card.draft").count()).toBe(0);
    await cardOn(priya.page, "Thought the CDN was flapping").waitFor();
  });
});
