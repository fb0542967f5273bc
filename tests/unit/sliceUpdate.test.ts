import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { sliceInUpdateOrder, sliceUpdate } from "../../server/sync/sliceUpdate";
import { createRandom, seedFromEnv } from "../support/random";
import { randomEdit } from "../support/randomEdit";

/** Everything a document holds that a reader could tell apart. */
function contentOf(doc: Y.Doc) {
  return {
    text: doc.getText("t").toDelta(),
    list: doc.getArray("a").toJSON(),
    map: doc.getMap("m").toJSON(),
    xml: doc.getXmlFragment("x").toString(),
    vector: [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort((a, b) => a[0] - b[0]),
    deleted: [...Y.createDeleteSetFromStructStore(doc.store).clients]
      .sort((a, b) => a[0] - b[0])
      .map(([client, ranges]) => [client, ranges.map((r) => [r.clock, r.len])]),
  };
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

function stateOf(doc: Y.Doc) {
  return (client: number) => Y.getState(doc.store, client);
}

describe("sliceUpdate", () => {
  it("cuts concurrent offline work into pieces that make the same document, none pending", () => {
    const seed = seedFromEnv();
    const rnd = createRandom(seed);
    let sliced = 0;
    for (let round = 0; round < 40; round++) {
      const base = new Y.Doc();
      for (let i = 0; i < 30; i++) randomEdit(base, rnd);
      // Peers work offline from the base, syncing among themselves now and then, so one
      // peer's update holds other clients' items anchored in each other's.
      const peers = Array.from({ length: 4 }, () => copyOf(base));
      for (let step = 0; step < 120; step++) {
        randomEdit(rnd.pick(peers)!, rnd);
        if (rnd.chance(0.25)) {
          const [from, to] = [rnd.pick(peers)!, rnd.pick(peers)!];
          Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
        }
      }
      const merged = peers[0]!;
      for (const p of peers) Y.applyUpdate(merged, Y.encodeStateAsUpdate(p));
      const update = Y.encodeStateAsUpdate(merged, Y.encodeStateVector(base));

      const whole = copyOf(base);
      Y.applyUpdate(whole, update);
      for (const size of [1, 3, 17, 1000]) {
        const target = copyOf(base);
        const pieces = sliceUpdate(Y.decodeUpdate(update), size, stateOf(target));
        const slices = pieces && [...pieces];
        expect(slices, `seed ${seed}, round ${round}`).toBeDefined();
        for (const slice of slices!) {
          expect(Y.decodeUpdate(slice).structs.length).toBeLessThanOrEqual(size);
          Y.applyUpdate(target, slice);
          expect(target.store.pendingStructs, `seed ${seed}, round ${round}`).toBeNull();
        }
        expect(target.store.pendingDs).toBeNull();
        expect(contentOf(target), `seed ${seed}, round ${round}, size ${size}`).toEqual(
          contentOf(whole),
        );
        if (slices!.length > 1) sliced++;
      }
    }
    expect(sliced).toBeGreaterThan(100);
  });

  it("takes structs the document already has in part, as Yjs does", () => {
    const doc = new Y.Doc();
    doc.getText("t").insert(0, "hello");
    const first = Y.encodeStateAsUpdate(doc);
    doc.getText("t").insert(5, " world");
    doc.getText("t").delete(0, 1);
    const all = Y.encodeStateAsUpdate(doc);
    const target = new Y.Doc();
    Y.applyUpdate(target, first);
    for (const slice of sliceUpdate(Y.decodeUpdate(all), 1, stateOf(target))!)
      Y.applyUpdate(target, slice);
    expect(target.getText("t").toString()).toBe("ello world");
  });

  it("leaves an update with a gap to Yjs", () => {
    const doc = new Y.Doc();
    doc.getText("t").insert(0, "a");
    const before = Y.encodeStateVector(doc);
    doc.getText("t").insert(1, "b");
    const later = Y.encodeStateAsUpdate(doc, before);
    expect(sliceUpdate(Y.decodeUpdate(later), 1, () => 0)).toBeUndefined();
  });
});

/** Applies slices one at a time: none may leave Yjs anything pending. */
function applyEach(target: Y.Doc, slices: Iterable<Uint8Array>, size: number, what: string) {
  for (const slice of slices) {
    expect(Y.decodeUpdate(slice).structs.length).toBeLessThanOrEqual(size);
    Y.applyUpdate(target, slice);
    expect(target.store.pendingStructs, what).toBeNull();
  }
  expect(target.store.pendingDs, what).toBeNull();
}

describe("sliceInUpdateOrder", () => {
  it("cuts an update's own bytes where its order allows, into pieces that make the same document", () => {
    const seed = seedFromEnv();
    const rnd = createRandom(seed);
    let cut = 0;
    let declined = 0;
    for (let round = 0; round < 40; round++) {
      const base = new Y.Doc();
      for (let i = 0; i < 30; i++) randomEdit(base, rnd);
      const peers = Array.from({ length: 3 }, () => copyOf(base));
      for (let step = 0; step < 120; step++) {
        randomEdit(rnd.pick(peers)!, rnd);
        if (rnd.chance(0.2)) {
          const [from, to] = [rnd.pick(peers)!, rnd.pick(peers)!];
          Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
        }
      }
      // One writer's own work (always in order), and what all of them hold (often not).
      const alone = copyOf(base);
      for (let i = 0; i < 60; i++) randomEdit(alone, rnd);
      const merged = peers[0]!;
      for (const p of peers) Y.applyUpdate(merged, Y.encodeStateAsUpdate(p));
      for (const [kind, doc] of [
        ["alone", alone],
        ["merged", merged],
      ] as const) {
        const update = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(base));
        const whole = copyOf(base);
        Y.applyUpdate(whole, update);
        for (const size of [1, 7, 1000]) {
          const target = copyOf(base);
          const what = `seed ${seed}, round ${round}, ${kind}, size ${size}`;
          const slices = sliceInUpdateOrder(update, Y.decodeUpdate(update), size, stateOf(target));
          if (kind === "alone") expect(slices, what).toBeDefined();
          if (!slices) {
            declined++;
            continue;
          }
          cut++;
          applyEach(target, slices, size, what);
          expect(contentOf(target), what).toEqual(contentOf(whole));
        }
      }
    }
    expect(cut).toBeGreaterThan(100);
    expect(declined).toBeGreaterThan(0);
  });

  it("declines an update whose first struct is past what the document has", () => {
    const doc = new Y.Doc();
    doc.getText("t").insert(0, "a");
    const before = Y.encodeStateVector(doc);
    doc.getText("t").insert(1, "b");
    const later = Y.encodeStateAsUpdate(doc, before);
    expect(sliceInUpdateOrder(later, Y.decodeUpdate(later), 1, () => 0)).toBeUndefined();
  });

  it("declines an update whose structs are not the ones its bytes hold", () => {
    const one = new Y.Doc();
    one.getText("t").insert(0, "one");
    const other = new Y.Doc();
    other.getText("t").insert(0, "other");
    const update = Y.encodeStateAsUpdate(one);
    const wrong = Y.decodeUpdate(Y.encodeStateAsUpdate(other));
    expect(sliceInUpdateOrder(update, wrong, 1, () => 0)).toBeUndefined();
  });
});
