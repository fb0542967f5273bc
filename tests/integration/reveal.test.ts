import { describe, expect, it } from "vitest";
import { addDraftCard, laneIdForParticipant, readBoard, readDraftCards } from "../../shared/board";
import { readMeeting } from "../../shared/meeting";
import { createBoard, join, meetingAction, type SessionReply } from "../support/api";
import { QUICK_SCRIPT } from "../support/scripts";
import { startServer } from "../support/serverProcess";
import { connectClient, synced } from "../support/syncClient";
import { waitFor } from "../support/waitFor";

/** Writes `n` draft cards as `who` over the stock provider and waits until they are stored. */
async function writeDrafts(wsUrl: string, boardId: string, who: SessionReply, n: number) {
  const client = connectClient(wsUrl, `${boardId}/drafts/${who.participantId}`, who.token);
  await synced(client);
  for (let i = 0; i < n; i++) {
    addDraftCard(client.doc, {
      at: 1_000 * i,
      kind: "observation",
      text: `${who.name} saw ${i}`,
      authorId: who.participantId,
    });
  }
  // A second connection that sees them proves the server stored them.
  const check = connectClient(wsUrl, `${boardId}/drafts/${who.participantId}`, who.token);
  await synced(check);
  await waitFor(() => readDraftCards(check.doc).length === n, {
    what: `${who.name}'s drafts stored`,
  });
  check.destroy();
  client.destroy();
}

describe("private writing and reveal", () => {
  it("shows draft counts to everyone and reveals an offline participant's drafts onto their lane", async () => {
    const server = await startServer();
    try {
      const board = await createBoard(server.url, { script: QUICK_SCRIPT });
      const fac = await join(server.url, board.id, board.keys.facilitator, "Fran");
      const ana = await join(server.url, board.id, board.keys.participant, "Ana");
      const ben = await join(server.url, board.id, board.keys.participant, "Ben");
      const meeting = connectClient(server.wsUrl, `${board.id}/meeting`, ben.token);
      const boardView = connectClient(server.wsUrl, board.id, fac.token);
      await Promise.all([synced(meeting), synced(boardView)]);
      await meetingAction(server.url, board.id, fac.token, { action: "start" });
      await meetingAction(server.url, board.id, fac.token, { action: "next" });

      // Ana writes three drafts and goes offline; Ben writes one.
      await writeDrafts(server.wsUrl, board.id, ana, 3);
      await writeDrafts(server.wsUrl, board.id, ben, 1);
      await waitFor(
        () => {
          const counts = readMeeting(meeting.doc).draftCounts;
          return counts[ana.participantId] === 3 && counts[ben.participantId] === 1;
        },
        { what: "draft counts in the meeting document" },
      );
      // Counts, never content: nothing of the drafts is on the board yet.
      expect(readBoard(boardView.doc).cards).toEqual([]);

      const revealed = await meetingAction(server.url, board.id, fac.token, { action: "reveal" });
      expect(revealed.status).toBe(200);
      await waitFor(() => readBoard(boardView.doc).cards.length === 4, { what: "revealed cards" });
      const cards = readBoard(boardView.doc).cards;
      expect(
        cards.filter((c) => c.laneId === laneIdForParticipant(ana.participantId)),
      ).toHaveLength(3);
      expect(
        cards.filter((c) => c.laneId === laneIdForParticipant(ben.participantId)),
      ).toHaveLength(1);
      expect(cards.every((c) => c.authorId !== fac.participantId)).toBe(true);
      await waitFor(() => Object.keys(readMeeting(meeting.doc).draftCounts).length === 0, {
        what: "counts back to zero",
      });
      const anaDrafts = connectClient(
        server.wsUrl,
        `${board.id}/drafts/${ana.participantId}`,
        ana.token,
      );
      await synced(anaDrafts);
      expect(readDraftCards(anaDrafts.doc)).toEqual([]);
      anaDrafts.destroy();
      meeting.destroy();
      boardView.destroy();
    } finally {
      await server.stop();
    }
  });

  it("reveals when the facilitator leaves a reveal phase", async () => {
    const server = await startServer();
    try {
      const board = await createBoard(server.url, { script: QUICK_SCRIPT });
      const fac = await join(server.url, board.id, board.keys.facilitator, "Fran");
      const ana = await join(server.url, board.id, board.keys.participant, "Ana");
      await meetingAction(server.url, board.id, fac.token, { action: "start" });
      await meetingAction(server.url, board.id, fac.token, { action: "goto", phaseId: "write" });
      await writeDrafts(server.wsUrl, board.id, ana, 2);
      await meetingAction(server.url, board.id, fac.token, { action: "next" });
      const view = connectClient(server.wsUrl, board.id, fac.token);
      await synced(view);
      await waitFor(() => readBoard(view.doc).cards.length === 2, {
        what: "cards revealed on next",
      });
      view.destroy();
    } finally {
      await server.stop();
    }
  });

  it("places each draft exactly once when a reveal is cut short by SIGKILL", async () => {
    const server = await startServer();
    const board = await createBoard(server.url, { script: QUICK_SCRIPT });
    const fac = await join(server.url, board.id, board.keys.facilitator, "Fran");
    const people: SessionReply[] = [];
    for (let i = 0; i < 12; i++)
      people.push(await join(server.url, board.id, board.keys.participant, `P${i}`));
    for (const person of people) await writeDrafts(server.wsUrl, board.id, person, 4);
    const expected = new Set<string>();
    for (const person of people) {
      const c = connectClient(
        server.wsUrl,
        `${board.id}/drafts/${person.participantId}`,
        person.token,
      );
      await synced(c);
      for (const card of readDraftCards(c.doc)) expected.add(card.id);
      c.destroy();
    }
    expect(expected.size).toBe(48);

    // Kill the server as soon as the first revealed card reaches a watcher: mid-reveal.
    const watcher = connectClient(server.wsUrl, board.id, fac.token);
    await synced(watcher);
    const reveal = meetingAction(server.url, board.id, fac.token, { action: "reveal" }).catch(
      () => null,
    );
    await waitFor(() => readBoard(watcher.doc).cards.length > 0, { what: "reveal under way" });
    await server.stop("SIGKILL");
    await reveal;
    const cutAt = readBoard(watcher.doc).cards.length;
    watcher.destroy();

    const again = await startServer({ dataDir: server.dataDir });
    try {
      const res = await meetingAction(again.url, board.id, fac.token, { action: "reveal" });
      expect(res.status).toBe(200);
      const view = connectClient(again.wsUrl, board.id, fac.token);
      await synced(view);
      await waitFor(() => readBoard(view.doc).cards.length >= 48, { what: "all drafts revealed" });
      const ids = readBoard(view.doc).cards.map((c) => c.id);
      expect(ids).toHaveLength(48);
      expect(new Set(ids)).toEqual(expected);
      expect(cutAt).toBeLessThanOrEqual(48);
      for (const person of people) {
        const c = connectClient(
          again.wsUrl,
          `${board.id}/drafts/${person.participantId}`,
          person.token,
        );
        await synced(c);
        expect(readDraftCards(c.doc)).toEqual([]);
        c.destroy();
      }
      view.destroy();
    } finally {
      await again.stop();
    }
  }, 60_000);
});
