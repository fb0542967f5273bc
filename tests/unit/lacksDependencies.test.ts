import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { lacksDependencies } from "../../server/sync/validateUpdate";

/** Every update `doc` makes from now on, each on its own. */
function recorder(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  return updates;
}

const lacks = (room: Y.Doc, update: Uint8Array) =>
  lacksDependencies(Y.decodeUpdate(update), (client) => Y.getState(room.store, client));

describe("lacksDependencies", () => {
  const author = new Y.Doc();
  author.clientID = 1;
  const first = recorder(author);
  author.getText("t").insert(0, "abc");
  author.getText("t").insert(3, "d");
  const [abc, d] = first as [Uint8Array, Uint8Array];

  const other = new Y.Doc();
  other.clientID = 2;
  Y.applyUpdate(other, abc);
  const second = recorder(other);
  other.getText("t").insert(1, "x"); // anchored to author's "a" and "b"
  other.getText("t").delete(2, 1); // deletes author's "b"
  const [x, deleteB] = second as [Uint8Array, Uint8Array];

  it("passes an update that brings all it builds on, or builds on what the room has", () => {
    const room = new Y.Doc();
    expect(lacks(room, abc)).toBe(false);
    Y.applyUpdate(room, abc);
    expect(lacks(room, d)).toBe(false);
    expect(lacks(room, x)).toBe(false);
    expect(lacks(room, deleteB)).toBe(false);
    expect(lacks(room, Y.mergeUpdates([d, x]))).toBe(false);
  });

  it("finds a gap in a client's clocks", () => {
    expect(lacks(new Y.Doc(), d)).toBe(true);
  });

  it("finds an item anchored to one the room lacks", () => {
    expect(lacks(new Y.Doc(), x)).toBe(true);
  });

  it("finds a deletion of an item the room lacks", () => {
    expect(lacks(new Y.Doc(), deleteB)).toBe(true);
  });

  it("finds an item nested in a type the room lacks", () => {
    const doc = new Y.Doc();
    doc.clientID = 3;
    const nested = recorder(doc);
    const text = new Y.Text();
    doc.getMap("m").set("note", text);
    const other3 = new Y.Doc();
    other3.clientID = 4;
    Y.applyUpdate(other3, nested[0] as Uint8Array);
    const inner = recorder(other3);
    (other3.getMap("m").get("note") as Y.Text).insert(0, "hi");
    expect(lacks(new Y.Doc(), inner[0] as Uint8Array)).toBe(true);
    const room = new Y.Doc();
    Y.applyUpdate(room, nested[0] as Uint8Array);
    expect(lacks(room, inner[0] as Uint8Array)).toBe(false);
  });
});
