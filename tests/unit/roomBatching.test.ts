import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { PIECE_STRUCTS, SLICE_STRUCTS } from "../../server/sync/documentQueue";
import type { Peer } from "../../server/sync/room";
import { decodeClientMessage, encodeSync } from "../../server/sync/wire";
import { createTestRoom as createRoom } from "../support/testRoom";

function peer(id: number): Peer & { frames: Uint8Array[] } {
  const frames: Uint8Array[] = [];
  return { id, frames, awarenessClientId: undefined, send: (f) => frames.push(f), close: () => {} };
}

/** A client's document with one edit of its own, and that edit as an update. */
function edit(text: string): { doc: Y.Doc; update: Uint8Array } {
  const doc = new Y.Doc();
  let update: Uint8Array = new Uint8Array();
  doc.on("update", (u: Uint8Array) => {
    update = u;
  });
  doc.getText("t").insert(0, text);
  return { doc, update };
}

function updatesIn(frames: Uint8Array[]): Uint8Array[] {
  return frames.flatMap((f) => {
    const m = decodeClientMessage(f, 1024);
    return m.type === "update" ? [m.update] : [];
  });
}

describe("relaying a commit", () => {
  it("sends each peer one frame with every update the commit stored", async () => {
    const { room, mem } = createRoom();
    const [a, b, c] = [peer(1), peer(2), peer(3)];
    for (const p of [a, b, c]) room.addPeer(p);
    const edits = ["one", "two", "three"].map(edit);
    mem.hold();
    const stored = [
      room.submit(edits[0]?.update as Uint8Array, a),
      room.submit(edits[1]?.update as Uint8Array, b),
      room.submit(edits[2]?.update as Uint8Array, a),
    ];
    await new Promise((r) => setImmediate(r));
    mem.release();
    await Promise.all(stored);
    expect(mem.batches).toHaveLength(1);
    for (const p of [a, b, c]) {
      const received = updatesIn(p.frames);
      expect(received).toHaveLength(1);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, received[0] as Uint8Array);
      expect(doc.getText("t").toString().length).toBe("onetwothree".length);
    }
  });

  it("sends nothing back to a peer whose updates are the whole commit", async () => {
    const { room } = createRoom();
    const [a, b] = [peer(1), peer(2)];
    room.addPeer(a);
    room.addPeer(b);
    await Promise.all([room.submit(edit("x").update, a), room.submit(edit("y").update, a)]);
    expect(a.frames).toEqual([]);
    expect(updatesIn(b.frames)).toHaveLength(1);
  });
});

describe("applying a large update", () => {
  /** One update of `n` separate items (inserted at the front, so none merge). */
  function large(n: number): Uint8Array {
    const doc = new Y.Doc();
    const list = doc.getArray<number>("a");
    doc.transact(() => {
      for (let i = 0; i < n; i++) list.insert(0, [i]);
    });
    return Y.encodeStateAsUpdate(doc);
  }

  it("lands in pieces, relayed as they land, letting other work in, before anything stored after it", async () => {
    const { room } = createRoom();
    const [sender, other] = [peer(1), peer(2)];
    room.addPeer(sender);
    room.addPeer(other);
    // Large enough that applying it takes well over one turn's TURN_MS on any machine.
    const structs = 20_000;
    const update = large(structs);
    // Counts event-loop turns that run while the update is being applied.
    let turns = 0;
    let counting = true;
    const count = () => {
      if (!counting) return;
      turns++;
      setImmediate(count);
    };
    setImmediate(count);
    const big = room.submit(update, sender);
    const after = room.submit(edit("after").update, other);
    await big;
    const turnsForBig = turns;
    await after;
    counting = false;

    const pieces = updatesIn(other.frames);
    expect(pieces).toHaveLength(Math.ceil(structs / PIECE_STRUCTS));
    expect(turnsForBig).toBeGreaterThanOrEqual(1);
    const received = new Y.Doc();
    for (const piece of pieces) Y.applyUpdate(received, piece);
    expect(received.getArray("a").length).toBe(structs);
    expect(room.doc.getArray("a").toJSON()).toEqual(received.getArray("a").toJSON());
    // The sender's own update is not sent back; the later one reaches it after the pieces.
    expect(updatesIn(sender.frames)).toHaveLength(1);
    expect(room.doc.getText("t").toString()).toBe("after");
  });

  it("is applied whole when the update is small", async () => {
    const { room } = createRoom();
    const other = peer(2);
    room.addPeer(other);
    await room.submit(large(SLICE_STRUCTS), peer(1));
    expect(updatesIn(other.frames)).toHaveLength(1);
  });
});

describe("the full state for a client with nothing", () => {
  it("is encoded once and dropped when the document changes", async () => {
    const { room } = createRoom();
    const first = room.document.fullStateFrame();
    expect(room.document.fullStateFrame()).toBe(first);
    const { doc, update } = edit("hello");
    await room.submit(update, peer(1));
    const second = room.document.fullStateFrame();
    expect(second).not.toBe(first);
    expect(second).toEqual(encodeSync("step2", Y.encodeStateAsUpdate(room.doc)));
    doc.destroy();
  });

  it("answers a room loaded from a snapshot without building its document", () => {
    const { doc, update: snapshot } = edit("read, not written");
    const { room } = createRoom();
    room.load({ updates: [snapshot], logRows: 0, bytes: snapshot.byteLength });
    // A client that holds something of its own (say, from its offline copy).
    const partial = Y.encodeStateVector(edit("mine").doc);
    expect(room.document.fullStateFrame()).toEqual(encodeSync("step2", snapshot));
    expect(room.document.stateVector()).toEqual(Y.encodeStateVector(doc));
    const missing = room.document.missingFor(partial);
    expect(room.document.built).toBe(false);
    const reader = new Y.Doc();
    Y.applyUpdate(reader, missing);
    expect(reader.getText("t").toString()).toBe("read, not written");
    expect(room.doc.getText("t").toString()).toBe("read, not written");
    expect(room.document.built).toBe(true);
    expect(room.document.stateVector()).toEqual(Y.encodeStateVector(doc));
  });

  it("is the stored snapshot itself when a room loads from one", () => {
    const snapshot = edit("from storage").update;
    const { room } = createRoom();
    room.load({ updates: [snapshot], logRows: 0, bytes: snapshot.byteLength });
    expect(room.document.fullStateFrame()).toEqual(encodeSync("step2", snapshot));
    expect(room.doc.getText("t").toString()).toBe("from storage");
  });
});

describe("presence", () => {
  it("sends the cursors that moved in one tick as one frame per peer", async () => {
    const { room } = createRoom();
    const peers = [peer(1), peer(2), peer(3)];
    for (const p of peers) room.addPeer(p);
    room.applyAwareness(peers[0] as Peer, [{ clientId: 11, clock: 1, state: '{"x":1}' }]);
    room.applyAwareness(peers[1] as Peer, [{ clientId: 12, clock: 1, state: '{"x":2}' }]);
    room.applyAwareness(peers[0] as Peer, [{ clientId: 11, clock: 2, state: '{"x":3}' }]);
    expect(peers[2]?.frames).toEqual([]);
    await new Promise((r) => setImmediate(r));
    const third = peers[2]?.frames ?? [];
    expect(third).toHaveLength(1);
    const message = decodeClientMessage(third[0] as Uint8Array, 1024);
    expect(message).toEqual({
      type: "awareness",
      entries: [
        { clientId: 11, clock: 2, state: '{"x":3}' },
        { clientId: 12, clock: 1, state: '{"x":2}' },
      ],
    });
  });
});
