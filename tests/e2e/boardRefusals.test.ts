import { describe, expect, it } from "vitest";
import { join } from "../support/api";
import { browserAvailable } from "../support/browser";
import { metric } from "../support/metrics";
import { connectClient, synced } from "../support/syncClient";
import { waitFor } from "../support/waitFor";
import { useBoardHarness } from "./boardHarness";

// Two connections per room: the test's own watcher and one tab. A board's stored size of
// 24 KiB takes a board, its lanes and a card, but not a 30 000-character paste.
const PER_ROOM = 2;
const MAX_DOC_BYTES = 24 * 1024;

describe.runIf(browserAvailable())(
  "when the server ends a board's connection for good",
  { timeout: 90_000 },
  () => {
    const h = useBoardHarness("board-refusals", {
      env: { MAX_CONNECTIONS_PER_ROOM: String(PER_ROOM), MAX_DOC_BYTES: String(MAX_DOC_BYTES) },
    });

    it("says the board is full, not that the session expired, and lets the person try again", async () => {
      const seeded = await h.seed();
      const fran = await h.open(seeded.board.links.facilitator, "Fran");
      const priya = await h.open(seeded.board.links.participant, "Priya", { live: false });

      await priya.page
        .getByText("This board is full", { exact: true })
        .waitFor({ timeout: 20_000 });
      expect(await priya.page.getByText("Your session has expired").count()).toBe(0);

      // Once someone has left, trying again gets her in.
      await fran.context.close();
      await priya.page.getByRole("button", { name: "Try again" }).click();
      await priya.page.getByText("Live", { exact: true }).waitFor({ timeout: 20_000 });
      // As the same participant: one lane of hers, not a second one.
      expect(seeded.lanes().filter((lane) => lane.name === "Priya")).toHaveLength(1);
    });

    it("says the board is full when its meeting room is, rather than going on without it", async () => {
      const seeded = await h.seed();
      // The meeting room full while the board's own room has a place: the tab's meeting
      // connection alone is refused.
      const server = h.server();
      const watcher = await join(server.url, seeded.board.id, seeded.board.keys.observer, "W");
      const meetingRoom = `${seeded.board.id}/meeting`;
      const occupants = [0, 1].map(() => connectClient(server.wsUrl, meetingRoom, watcher.token));
      try {
        await Promise.all(occupants.map((c) => synced(c)));
        const priya = await h.open(seeded.board.links.participant, "Priya", { live: false });
        await priya.page
          .getByText("This board is full", { exact: true })
          .waitFor({ timeout: 20_000 });

        occupants.pop()?.destroy();
        await priya.page.getByRole("button", { name: "Try again" }).click();
        await priya.page.getByText("Live", { exact: true }).waitFor({ timeout: 20_000 });
        // All three of her rooms are in this time (board, meeting, drafts), beside the test's
        // watcher on the board and the occupant left in the meeting room.
        await waitFor(async () => (await metric(server.url, "debrief_connections")) === 5, {
          what: "her three connections, and no others",
        });
        expect(await priya.page.getByText("This board is full").count()).toBe(0);
      } finally {
        for (const c of occupants) c.destroy();
      }
    });

    it("says a change was too large and reopens the board as the server has it", async () => {
      const seeded = await h.seed({ people: ["Priya"] });
      const priya = await h.open(seeded.board.links.participant, "Priya");
      await priya.page.keyboard.press("n");
      await priya.page.locator(".card [contenteditable='true']:focus").waitFor();
      await priya.page.keyboard.type("Pager went off");
      await seeded.cardWhere("the typed card", (c) => c.text === "Pager went off");

      await priya.page.keyboard.insertText(" and then".repeat(3_500));
      await priya.page
        .getByText("Your last change was too large", { exact: true })
        .waitFor({ timeout: 20_000 });
      expect(seeded.cards().every((c) => c.text.length < 100)).toBe(true);

      await priya.page.getByRole("button", { name: "Try again" }).click();
      await priya.page.getByText("Live", { exact: true }).waitFor({ timeout: 20_000 });
      const card = priya.page.locator(".card", { hasText: "Pager went off" });
      await card.waitFor();
      // Reopened as the same participant, the board stays live and the card holds what the
      // server has: the refused text is not sent again from the tab's offline copy (without
      // dropping that copy, it is, and the board never goes live).
      await new Promise((r) => setTimeout(r, 3_000));
      expect(await priya.page.getByText("Your last change was too large").count()).toBe(0);
      expect(seeded.cards().every((c) => c.text.length < 100)).toBe(true);
      expect((await card.innerText()).length).toBeLessThan(200);
    });
  },
);
