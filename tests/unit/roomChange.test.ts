import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addParticipantLane, createBoard, readBoard } from "../../shared/board";
import { createTestRoom as createRoom } from "../support/testRoom";

describe("server-made changes", () => {
  it("are stored before they reach the document, under one client id that is not the room's", async () => {
    const { room, mem } = createRoom();
    const roomId = room.doc.clientID;
    const pending = room.change((doc) => createBoard(doc, { title: "T", timezone: "UTC" }));
    expect(readBoard(room.doc).lanes).toEqual([]);
    await pending;
    await room.change((doc) => addParticipantLane(doc, { participantId: "p1", name: "Pat" }));
    expect(mem.rows).toHaveLength(2);
    expect(readBoard(room.doc).lanes.map((l) => l.kind)).toEqual(["timeline", "participant"]);
    expect(room.doc.clientID).toBe(roomId);
    const writers = [...Y.decodeStateVector(Y.encodeStateVector(room.doc)).keys()];
    expect(writers).toHaveLength(1);
    expect(writers[0]).not.toBe(roomId);
  });

  it("store nothing when the change changes nothing", async () => {
    const { room, mem } = createRoom();
    await room.change(() => {});
    expect(mem.rows).toEqual([]);
  });

  it("are neither applied nor relayed when storage fails", async () => {
    const { room, mem } = createRoom();
    const sent: Uint8Array[] = [];
    room.addPeer({
      id: 1,
      awarenessClientId: undefined,
      send: (f) => sent.push(f),
      close: () => {},
    });
    mem.fail(true);
    await expect(
      room.change((doc) => createBoard(doc, { title: "T", timezone: "UTC" })),
    ).rejects.toThrow("disk full");
    expect(readBoard(room.doc).lanes).toEqual([]);
    expect(sent).toEqual([]);
    mem.fail(false);
    await room.change((doc) => createBoard(doc, { title: "T", timezone: "UTC" }));
    expect(sent).toHaveLength(1);
  });

  it("leave nothing of a change that threw half-way to the next one", async () => {
    const { room, mem } = createRoom();
    await room.change((doc) => createBoard(doc, { title: "T", timezone: "UTC" }));
    await expect(
      room.change((doc) => {
        addParticipantLane(doc, { participantId: "p1", name: "Half" });
        throw new Error("refused half-way");
      }),
    ).rejects.toThrow("refused half-way");
    await room.change((doc) => addParticipantLane(doc, { participantId: "p2", name: "Pat" }));
    expect(mem.rows).toHaveLength(2);
    const names = readBoard(room.doc).lanes.map((l) => l.name);
    expect(names).toContain("Pat");
    expect(names).not.toContain("Half");
  });
});
