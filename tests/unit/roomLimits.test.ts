import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { DocumentTooLargeError } from "../../server/sync/room";
import { addParticipantLane, createBoard, readBoard } from "../../shared/board";
import { denseUpdate } from "../reliability/support/hostileFrames";
import { createTestRoom } from "../support/testRoom";

const structsOf = (doc: Y.Doc) => {
  let n = 0;
  for (const structs of doc.store.clients.values()) n += structs.length;
  return n;
};

describe("a room's struct limit", () => {
  it("refuses an update that would take the document past it, and stores nothing of it", async () => {
    const { room, mem } = createTestRoom(undefined, { maxDocStructs: 3_000 });
    await room.submit(denseUpdate(2_000, "a"));
    await expect(room.submit(denseUpdate(1_500, "b"))).rejects.toBeInstanceOf(
      DocumentTooLargeError,
    );
    await room.submit(denseUpdate(900, "c"));
    expect(mem.rows).toHaveLength(2);
    expect(room.doc.getArray("b").length).toBe(0);
    expect(room.structs).toBe(2_900);
    expect(structsOf(room.doc)).toBe(2_900);
  });

  it("counts updates accepted but not applied yet", async () => {
    const { room, mem } = createTestRoom(undefined, { maxDocStructs: 3_000 });
    const first = room.submit(denseUpdate(2_000, "a"));
    const second = room.submit(denseUpdate(2_000, "b")).catch((error: unknown) => error);
    await first;
    expect(await second).toBeInstanceOf(DocumentTooLargeError);
    expect(mem.rows).toHaveLength(1);
    expect(room.structs).toBe(2_000);
  });

  it("lets a small change of the server's own past it, so a full board can still be joined", async () => {
    const { room } = createTestRoom(undefined, { maxDocStructs: 2_050 });
    await room.change((doc) => createBoard(doc, { title: "Full", timezone: "UTC" }));
    await room.submit(denseUpdate(2_050 - room.structs, "a"));
    await expect(room.submit(denseUpdate(1, "b"))).rejects.toBeInstanceOf(DocumentTooLargeError);
    await room.change((doc) => addParticipantLane(doc, { participantId: "p1", name: "Pat" }));
    expect(readBoard(room.doc).lanes.map((l) => l.name)).toContain("Pat");
    // A large one is held to the limit like anyone's.
    await expect(
      room.change((doc) => {
        const list = doc.getArray<number>("bulk");
        for (let i = 0; i < 100; i++) list.insert(0, [i]);
      }),
    ).rejects.toBeInstanceOf(DocumentTooLargeError);
    expect(room.doc.getArray("bulk").length).toBe(0);
  });
});
