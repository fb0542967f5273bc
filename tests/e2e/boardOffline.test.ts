import { describe, expect, it } from "vitest";
import { browserAvailable } from "../support/browser";
import { useBoardHarness } from "./boardHarness";
import { goOffline, goOnline } from "./boardSockets";

describe.runIf(browserAvailable())("the board without a connection", { timeout: 90_000 }, () => {
  const h = useBoardHarness("board-offline");

  it("keeps an edit made offline and delivers it on reconnect", async () => {
    const seeded = await h.seed({ cards: [{ minute: 5, kind: "event", text: "Alert fired" }] });
    const fran = await h.open(seeded.board.links.facilitator, "Fran");
    const priya = await h.open(seeded.board.links.participant, "Priya", { trackSockets: true });

    await goOffline(priya);
    await priya.page.getByText("Offline — edits kept").waitFor({ timeout: 20_000 });
    await priya.page.keyboard.press("n");
    await priya.page.locator(".card [contenteditable='true']:focus").waitFor();
    await priya.page.keyboard.type("Written on the train");
    await priya.page.locator(".card", { hasText: "Written on the train" }).waitFor();
    expect(seeded.cards().some((c) => c.text.includes("Written"))).toBe(false);

    await goOnline(priya);
    await seeded.cardWhere("the offline card", (c) => c.text === "Written on the train");
    await fran.page.locator(".card", { hasText: "Written on the train" }).waitFor();
    await priya.page.getByText("Live", { exact: true }).waitFor({ timeout: 20_000 });
  });
});
