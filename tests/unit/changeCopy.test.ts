import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ChangeCopy } from "../../server/sync/changeCopy";

const SERVER = 4242;

function docWithItems(n: number): Y.Doc {
  const doc = new Y.Doc();
  const list = doc.getArray<number>("list");
  doc.transact(() => {
    for (let i = 0; i < n; i++) list.insert(0, [i]);
  });
  return doc;
}

const content = (doc: Y.Doc) => doc.getArray<number>("list").toJSON();

describe("the copy server changes are made on", () => {
  it("is kept and brought up to date with what the document gained, deletions too", () => {
    const doc = docWithItems(2_000);
    const copies = new ChangeCopy(() => doc, SERVER);
    const first = copies.current();
    expect(content(first)).toEqual(content(doc));
    first.getArray<number>("list").push([-1]); // the server's change, stored and applied:
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(first, Y.encodeStateVector(doc)));
    copies.kept();
    doc.getArray<number>("list").delete(0, 10); // others' edits meanwhile
    doc.getArray<number>("list").insert(5, [7, 8]);

    const second = copies.current();
    expect(second).toBe(first);
    expect(content(second)).toEqual(content(doc));
    expect(Y.encodeStateVector(second)).toEqual(Y.encodeStateVector(doc));
    expect(second.clientID).toBe(SERVER);
    copies.drop();
  });

  it("keeps the server's client id when the document brings structs of that id", () => {
    const doc = new Y.Doc();
    const copies = new ChangeCopy(() => doc, SERVER);
    const copy = copies.current();
    copy.getArray<number>("list").push([1]);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(copy));
    copies.drop();
    // A new copy loads the server's earlier change: Yjs would re-roll its id.
    const again = copies.current();
    expect(again).not.toBe(copy);
    expect(again.clientID).toBe(SERVER);
    again.getArray<number>("list").push([2]);
    expect(Y.decodeStateVector(Y.encodeStateVector(again)).get(SERVER)).toBe(2);
  });

  it("is made again after it was dropped, and dropped when idle", async () => {
    const doc = docWithItems(10);
    const copies = new ChangeCopy(() => doc, SERVER, 20);
    const first = copies.current();
    first.getArray<number>("list").push([99]); // a change that was never stored
    copies.drop();
    const second = copies.current();
    expect(second).not.toBe(first);
    expect(content(second)).toEqual(content(doc));
    copies.kept();
    expect(copies.current()).toBe(second);
    copies.kept();
    await new Promise((r) => setTimeout(r, 60));
    expect(copies.current()).not.toBe(second);
    copies.drop();
  });
});
