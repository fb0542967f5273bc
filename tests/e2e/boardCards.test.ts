import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { TIMELINE_LANE_ID } from "../../shared/board";
import { browserAvailable } from "../support/browser";
import { waitFor } from "../support/waitFor";
import { laneOf, useBoardHarness } from "./boardHarness";

const at = (wallTime: string) => Date.parse(`2026-11-02T${wallTime}:00+01:00`);

/** The x of the axis tick labelled `label` ("14:10"), in page pixels. */
async function tickX(page: Page, label: string): Promise<number> {
  const box = await page.locator(".time-axis .tick", { hasText: label }).first().boundingBox();
  if (!box) throw new Error(`no tick ${label}`);
  return box.x;
}

const cardOn = (page: Page, text: string) => page.locator(".card", { hasText: text });

describe.runIf(browserAvailable())("cards on the board canvas", { timeout: 90_000 }, () => {
  const h = useBoardHarness("board-cards");

  it("creates a card where a lane is double-clicked, at that minute", async () => {
    const seeded = await h.seed();
    const priya = await h.open(seeded.board.links.participant, "Priya");
    const lane = await laneOf(priya.page, /Priya/).boundingBox();
    if (!lane) throw new Error("no lane");

    await priya.page.mouse.dblclick(
      (await tickX(priya.page, "14:30")) + 1,
      lane.y + lane.height / 2,
    );

    const card = await seeded.cardWhere("the new card", (c) => c.laneId !== TIMELINE_LANE_ID);
    expect(card.at).toBe(at("14:30"));
    expect(card.kind).toBe("observation");
    await expect
      .poll(() => cardOn(priya.page, "14:30").getAttribute("aria-label"))
      .toMatch(/^I saw, 14:30/);
  });

  it("creates a card with n, types into it, and shows it to the others", async () => {
    const seeded = await h.seed();
    const fran = await h.open(seeded.board.links.facilitator, "Fran");
    const priya = await h.open(seeded.board.links.participant, "Priya");

    await priya.page.keyboard.press("n");
    await priya.page.locator(".card [contenteditable='true']:focus").waitFor();
    await priya.page.keyboard.type("Saw the 5xx alert fire");

    const card = await seeded.cardWhere("typed text", (c) => c.text === "Saw the 5xx alert fire");
    expect(card.laneId).toMatch(/^p-/);
    await cardOn(fran.page, "Saw the 5xx alert fire").waitFor();

    // A facilitator's `n` writes on the shared timeline.
    await fran.page.keyboard.press("n");
    await seeded.cardWhere("the facilitator's card", (c) => c.laneId === TIMELINE_LANE_ID);
  });

  it("changes a card's kind, shown by label and not by colour alone", async () => {
    const seeded = await h.seed({ cards: [{ minute: 5, kind: "event", text: "Alert fired" }] });
    const fran = await h.open(seeded.board.links.facilitator, "Fran");
    const priya = await h.open(seeded.board.links.participant, "Priya");

    await cardOn(fran.page, "Alert fired").getByLabel("Card kind").selectOption("question");

    await seeded.cardWhere("kind changed", (c) => c.kind === "question");
    await expect
      .poll(() => cardOn(priya.page, "Alert fired").locator(".kind-label").textContent())
      .toBe("Question");
    // Priya did not write it, so she gets no picker.
    expect(await cardOn(priya.page, "Alert fired").getByLabel("Card kind").count()).toBe(0);
  });

  it("deletes a card and undoes it, without undoing anyone else's change", async () => {
    const seeded = await h.seed();
    const fran = await h.open(seeded.board.links.facilitator, "Fran");
    const priya = await h.open(seeded.board.links.participant, "Priya");
    await priya.page.keyboard.press("n");
    await priya.page.locator(".card [contenteditable='true']:focus").waitFor();
    await priya.page.keyboard.type("Rolled back the adapter");
    const mine = await seeded.cardWhere(
      "Priya's card",
      (c) => c.text === "Rolled back the adapter",
    );
    await fran.page.keyboard.press("n");
    // Priya's card is on Fran's board too: wait for the new card's editor to take focus.
    await fran.page.locator(".card [contenteditable='true']:focus").waitFor();
    await fran.page.keyboard.type("Fran's fact");
    await seeded.cardWhere("Fran's card", (c) => c.text === "Fran's fact");

    await cardOn(priya.page, "Rolled back the adapter")
      .getByRole("button", { name: "Delete card" })
      .click();
    await waitFor(() => !seeded.cards().some((c) => c.id === mine.id), { what: "deleted" });
    await priya.page.getByRole("status").filter({ hasText: "Deleted" }).waitFor();

    await priya.page.keyboard.press("Control+z");
    const restored = await seeded.cardWhere("restored", (c) => c.id === mine.id);
    expect(restored.text).toBe("Rolled back the adapter");
    await cardOn(fran.page, "Rolled back the adapter").waitFor();

    await priya.page.keyboard.press("Control+Shift+z");
    await waitFor(() => !seeded.cards().some((c) => c.id === mine.id), { what: "redone" });
    await priya.page.getByRole("toolbar").getByRole("button", { name: "Undo" }).click();
    await seeded.cardWhere("restored again", (c) => c.id === mine.id);
    // Fran's card was never Priya's to undo.
    expect(seeded.cards().some((c) => c.text === "Fran's fact")).toBe(true);
  });

  it("moves a card dragged in one browser in the other, snapped to the minute", async () => {
    const seeded = await h.seed({
      cards: [{ minute: 10, kind: "event", text: "Rollback started" }],
    });
    const fran = await h.open(seeded.board.links.facilitator, "Fran");
    const priya = await h.open(seeded.board.links.participant, "Priya");
    const page = fran.page;
    // 14:00 and 14:30 are ticks whatever the grid step (10, 15 or 30 minutes).
    const minutePx = ((await tickX(page, "14:30")) - (await tickX(page, "14:00"))) / 30;
    const handle = await cardOn(page, "Rollback started").locator(".card-time").boundingBox();
    if (!handle) throw new Error("no card");

    await page.mouse.move(handle.x + 5, handle.y + 5);
    await page.mouse.down();
    await page.mouse.move(handle.x + 5 + minutePx * 2.5, handle.y + 5, { steps: 4 });
    await page.mouse.move(handle.x + 5 + minutePx * 5, handle.y + 5, { steps: 4 });
    // The time it would land on shows while dragging.
    await expect.poll(() => page.locator(".drag-time").textContent()).toBe("14:15");
    await page.mouse.up();

    const moved = await seeded.cardWhere("moved", (c) => c.at !== at("14:10"));
    expect(moved.at).toBe(at("14:15"));
    await expect
      .poll(() => cardOn(priya.page, "Rollback started").locator(".card-time").textContent())
      .toBe("14:15");

    // The keyboard does the same: ← → a minute, with shift a quarter of an hour.
    await cardOn(page, "Rollback started").focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Shift+ArrowRight");
    await seeded.cardWhere("moved by keyboard", (c) => c.at === at("14:31"));
  });
});
