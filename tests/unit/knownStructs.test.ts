import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { withoutKnownStructs } from "../../server/sync/knownStructs";
import { createRandom, seedFromEnv } from "../support/random";
import { randomEdit } from "../support/randomEdit";

const clockIn = (doc: Y.Doc) => (client: number) => Y.getState(doc.store, client);
const contentOf = (doc: Y.Doc) => ({
  t: doc.getText("t").toDelta(),
  a: doc.getArray("a").toJSON(),
  m: doc.getMap("m").toJSON(),
  x: doc.getXmlFragment("x").toString(),
});

describe("withoutKnownStructs", () => {
  it("leaves a document exactly as the whole update would, keeping nothing it has", () => {
    const seed = seedFromEnv();
    const rnd = createRandom(seed);
    let trimmedRounds = 0;
    for (let round = 0; round < 40; round++) {
      const peers = Array.from({ length: 3 }, () => new Y.Doc());
      // The room: what the peers had exchanged at some moment, edits and deletions included.
      const room = new Y.Doc();
      for (let step = 0; step < 120; step++) {
        randomEdit(rnd.pick(peers)!, rnd);
        if (rnd.chance(0.2)) {
          const [from, to] = [rnd.pick(peers)!, rnd.pick(peers)!];
          Y.applyUpdate(to, Y.encodeStateAsUpdate(from));
        }
        if (step === 60) for (const p of peers) Y.applyUpdate(room, Y.encodeStateAsUpdate(p));
      }
      const sender = peers[0]!;
      for (const p of peers) Y.applyUpdate(sender, Y.encodeStateAsUpdate(p));
      const update = Y.encodeStateAsUpdate(sender);
      const trimmed = withoutKnownStructs(update, clockIn(room));
      const context = `seed ${seed}, round ${round}`;
      if (trimmed.byteLength < update.byteLength) trimmedRounds++;

      for (const s of Y.decodeUpdate(trimmed).structs) {
        expect(s.id.clock + s.length, context).toBeGreaterThan(Y.getState(room.store, s.id.client));
      }
      expect(Y.decodeUpdate(trimmed).ds, context).toEqual(Y.decodeUpdate(update).ds);
      const viaWhole = new Y.Doc();
      Y.applyUpdate(viaWhole, Y.encodeStateAsUpdate(room));
      Y.applyUpdate(viaWhole, update);
      const viaTrimmed = new Y.Doc();
      Y.applyUpdate(viaTrimmed, Y.encodeStateAsUpdate(room));
      Y.applyUpdate(viaTrimmed, trimmed);
      // Same state vector and delete set, and the same content in every type randomEdit uses
      // (the bytes may differ: applying known structs can split the runs they are anchored to).
      expect(Y.equalSnapshots(Y.snapshot(viaTrimmed), Y.snapshot(viaWhole)), context).toBe(true);
      expect(contentOf(viaTrimmed), context).toEqual(contentOf(viaWhole));
    }
    // The room had half of the edits in nearly every round: the check above is not vacuous.
    expect(trimmedRounds, `seed ${seed}`).toBeGreaterThan(30);
  });

  it("makes an update the room has entirely into one without structs", () => {
    const doc = new Y.Doc();
    const list = doc.getArray<number>("a");
    for (let i = 0; i < 50; i++) list.insert(0, [i]);
    list.delete(3, 2);
    const update = Y.encodeStateAsUpdate(doc);
    const trimmed = withoutKnownStructs(update, clockIn(doc));
    expect(Y.decodeUpdate(trimmed).structs).toEqual([]);
    expect(Y.decodeUpdate(trimmed).ds).toEqual(Y.decodeUpdate(update).ds);
    expect(trimmed.byteLength).toBeLessThan(update.byteLength / 10);
  });

  it("returns the update itself when the room has none of it, or when it does not parse", () => {
    const doc = new Y.Doc();
    doc.getText("t").insert(0, "hello");
    const update = Y.encodeStateAsUpdate(doc);
    expect(withoutKnownStructs(update, () => 0)).toBe(update);
    const cut = update.subarray(0, 4);
    expect(withoutKnownStructs(cut, () => 1_000)).toBe(cut);
  });
});
