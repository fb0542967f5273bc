import { afterEach, describe, expect, it } from "vitest";
import { createMeetingService } from "../../server/meeting/meetingService";
import { createLogger } from "../../server/ops/log";
import { createServerMetrics } from "../../server/ops/metrics";
import { createSqliteStorage } from "../../server/storage/sqliteStorage";
import type { Storage } from "../../server/storage/storage";
import { createGroupCommit } from "../../server/sync/groupCommit";
import { createRoomManager } from "../../server/sync/roomManager";
import { addDraftCard, addParticipantLane, createBoard, readBoard } from "../../shared/board";
import { initMeetingDoc, readMeeting } from "../../shared/meeting";
import { QUICK_SCRIPT } from "../support/scripts";
import { tempDataDir } from "../support/serverProcess";
import { waitFor } from "../support/waitFor";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** The server's meeting service on real SQLite, with a clock the test can move forward. */
function createWorld(dataDir = tempDataDir()) {
  const storage: Storage = createSqliteStorage(dataDir);
  const metrics = createServerMetrics({ rooms: () => 0 });
  const log = createLogger("silent");
  const rooms = createRoomManager({
    commit: createGroupCommit(storage, metrics),
    storage,
    metrics,
    log,
    idleMs: 60_000,
    maxDocBytes: 64 * 1024 * 1024,
    maxDocStructs: 500_000,
    compactAfterUpdates: 500,
  });
  const clock = { offset: 0 };
  const meetings = createMeetingService({
    rooms,
    storage,
    log,
    now: () => Date.now() + clock.offset,
  });
  cleanups.push(async () => {
    await meetings.close();
    await rooms.closeAll();
    await storage.close();
  });
  return { rooms, meetings, clock, dataDir };
}

/** A board with Ana's lane, and a way to write a card into her drafts. */
async function boardWithAna(world: ReturnType<typeof createWorld>, boardId: string) {
  await world.rooms.change(boardId, (doc) => {
    createBoard(doc, { title: "T", timezone: "UTC" });
    addParticipantLane(doc, { participantId: "ana12345", name: "Ana" });
  });
  return (text: string) =>
    world.rooms.change(`${boardId}/drafts/ana12345`, (doc) => {
      addDraftCard(doc, { at: 5, kind: "belief", text, authorId: "ana12345" });
    });
}

describe("the meeting service", () => {
  it("reveals a reveal phase that ran out while no timer was armed, once the server is back", async () => {
    const first = createWorld();
    const boardId = "boardRevealAtEnd01";
    const draft = await boardWithAna(first, boardId);
    await first.meetings.create(boardId, QUICK_SCRIPT);
    await first.meetings.command(boardId, { type: "start" });
    await first.meetings.command(boardId, { type: "goto", phaseId: "write" });
    await draft("I thought it was DNS");
    await first.meetings.close();

    // "Restart" 61 s later on the same storage: the phase is over, its drafts are due out.
    const second = createWorld(first.dataDir);
    second.clock.offset = 61_000;
    await cleanups.shift()?.();
    await second.meetings.resumeRunning();
    const board = await second.rooms.open(boardId);
    expect(readBoard(board.doc).cards.map((c) => c.text)).toEqual(["I thought it was DNS"]);
    second.rooms.release(board);
  });

  it("reveals at a reveal phase's end once, not again when it is paused and resumed in overtime", async () => {
    const world = createWorld();
    const boardId = "boardRevealOnce001";
    const draft = await boardWithAna(world, boardId);
    const onBoard = async () => {
      const board = await world.rooms.open(boardId);
      const texts = readBoard(board.doc).cards.map((c) => c.text);
      world.rooms.release(board);
      return texts;
    };
    await world.meetings.create(boardId, QUICK_SCRIPT);
    await world.meetings.resumeRunning();
    await world.meetings.command(boardId, { type: "start" });
    await world.meetings.command(boardId, { type: "goto", phaseId: "write" });
    await draft("written in time");
    // The phase (a minute) is over; the next change to the meeting re-plans, and the end
    // reveals.
    world.clock.offset = 61_000;
    await world.meetings.grantFacilitator(boardId, "ana12345");
    await waitFor(async () => (await onBoard()).length === 1, { what: "the reveal at the end" });

    // Written in overtime: it stays private until the facilitator moves on, however often
    // the clock is paused and resumed.
    await draft("written in overtime");
    await world.meetings.command(boardId, { type: "pause" });
    await world.meetings.command(boardId, { type: "resume" });
    await world.meetings.command(boardId, { type: "pause" });
    await world.meetings.command(boardId, { type: "resume" });
    await new Promise((r) => setTimeout(r, 500));
    expect(await onBoard()).toEqual(["written in time"]);
    await world.meetings.command(boardId, { type: "next" });
    expect((await onBoard()).sort()).toEqual(["written in overtime", "written in time"]);
  });

  it("initialises a meeting document only once, so a replayed create cannot reset a meeting", async () => {
    const world = createWorld();
    const boardId = "boardInitOnce0001";
    await world.meetings.create(boardId, QUICK_SCRIPT);
    await world.meetings.command(boardId, { type: "start" });
    await world.meetings.create(boardId, QUICK_SCRIPT);
    expect((await world.meetings.snapshot(boardId)).state?.status).toBe("running");
    const room = await world.rooms.open(`${boardId}/meeting`);
    expect(readMeeting(room.doc).state?.scriptId).toBe("quick-test");
    expect(initMeetingDoc(room.doc, QUICK_SCRIPT)).toBe(false);
    world.rooms.release(room);
  });
});
