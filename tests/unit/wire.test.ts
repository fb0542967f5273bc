import { describe, expect, it } from "vitest";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import {
  decodeClientMessage,
  encodeAwarenessEntries,
  encodeAwarenessMessage,
  encodeSync,
  ProtocolError,
} from "../../server/sync/wire";

const LIMIT = 1024;

describe("the wire codec", () => {
  it("round-trips sync step 1, step 2 and update messages", () => {
    const doc = new Y.Doc();
    doc.getMap("m").set("k", 1);
    const sv = Y.encodeStateVector(doc);
    const update = Y.encodeStateAsUpdate(doc);
    expect(decodeClientMessage(encodeSync("step1", sv), LIMIT)).toEqual({
      type: "sync-step1",
      stateVector: sv,
    });
    expect(decodeClientMessage(encodeSync("step2", update), LIMIT)).toEqual({
      type: "sync-step2",
      update,
    });
    expect(decodeClientMessage(encodeSync("update", update), LIMIT)).toEqual({
      type: "update",
      update,
    });
  });

  it("decodes what the y-protocols awareness encoder produces", () => {
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ user: { name: "Ana", color: "#123456" } });
    const frame = encodeAwarenessMessage(
      awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]),
    );
    const message = decodeClientMessage(frame, LIMIT);
    expect(message.type).toBe("awareness");
    if (message.type !== "awareness") return;
    expect(message.entries).toEqual([
      {
        clientId: doc.clientID,
        clock: 1,
        state: JSON.stringify({ user: { name: "Ana", color: "#123456" } }),
      },
    ]);
    // Re-encoding gives an update y-protocols applies.
    const other = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(other, encodeAwarenessEntries(message.entries), null);
    expect(other.getStates().get(doc.clientID)).toEqual({
      user: { name: "Ana", color: "#123456" },
    });
    awareness.destroy();
    other.destroy();
  });

  it.each([
    ["an empty frame", []],
    ["an unknown message type", [7]],
    ["a missing sync step", [0]],
    ["an unknown sync step", [0, 3, 0]],
    ["a length past the end", [0, 2, 10, 1]],
    ["a varint longer than 7 bytes", [0, 2, 128, 128, 128, 128, 128, 128, 128, 1]],
    ["trailing bytes", [0, 0, 0, 0]],
    ["an awareness count larger than the payload", [1, 2, 100, 0]],
    ["a non-object awareness state", [1, 5, 1, 1, 1, 1, 55]],
  ])("refuses %s with a ProtocolError", (_what, bytes) => {
    expect(() => decodeClientMessage(new Uint8Array(bytes), LIMIT)).toThrow(ProtocolError);
  });

  it("refuses an awareness state over the size limit", () => {
    const state = JSON.stringify({ pad: "x".repeat(LIMIT) });
    const frame = encodeAwarenessMessage(
      encodeAwarenessEntries([{ clientId: 1, clock: 1, state }]),
    );
    expect(() => decodeClientMessage(frame, LIMIT)).toThrow(/too large/);
  });

  it("accepts null awareness states (a client leaving)", () => {
    const frame = encodeAwarenessMessage(
      encodeAwarenessEntries([{ clientId: 5, clock: 2, state: "null" }]),
    );
    expect(decodeClientMessage(frame, LIMIT)).toEqual({
      type: "awareness",
      entries: [{ clientId: 5, clock: 2, state: "null" }],
    });
  });
});
