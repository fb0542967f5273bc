import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { decodingInPieces } from "../../server/sync/decodeInPieces";
import { runToEnd } from "../../server/sync/turns";
import type { DecodedUpdate } from "../../server/sync/validateUpdate";
import { createRandom, seedFromEnv } from "../support/random";
import { randomEdit } from "../support/randomEdit";

/** What decoding made of each struct and the delete set, comparable with toEqual. */
function shape(decoded: DecodedUpdate | undefined) {
  if (!decoded) return undefined;
  return {
    structs: decoded.structs.map((s) => ({
      kind: s.constructor.name,
      id: [s.id.client, s.id.clock],
      length: s.length,
      ...(s instanceof Y.Item
        ? {
            origin: s.origin,
            rightOrigin: s.rightOrigin,
            parent: s.parent,
            parentSub: s.parentSub,
            content: s.content.getContent(),
          }
        : {}),
    })),
    ds: [...decoded.ds.clients].map(([client, ranges]) => [
      client,
      ranges.map((r) => [r.clock, r.len]),
    ]),
  };
}

describe("decodingInPieces", () => {
  it("decodes random concurrent updates exactly as Y.decodeUpdate does, piece by piece", () => {
    const seed = seedFromEnv();
    const rnd = createRandom(seed);
    for (let round = 0; round < 30; round++) {
      const peers = Array.from({ length: 3 }, () => new Y.Doc());
      for (let step = 0; step < 150; step++) {
        randomEdit(rnd.pick(peers)!, rnd);
        if (rnd.chance(0.2)) {
          const [from, to] = [rnd.pick(peers)!, rnd.pick(peers)!];
          Y.applyUpdate(to, Y.encodeStateAsUpdate(from));
        }
      }
      const merged = peers[0]!;
      for (const p of peers) Y.applyUpdate(merged, Y.encodeStateAsUpdate(p));
      const update = Y.encodeStateAsUpdate(merged);
      for (const size of [1, 7, 100, 10_000]) {
        const run = decodingInPieces(update, size);
        expect(shape(runToEnd(run)), `seed ${seed}, round ${round}, size ${size}`).toEqual(
          shape(Y.decodeUpdate(update)),
        );
      }
    }
  });

  it("counts text in UTF-16 units, as Yjs's clocks do", () => {
    const doc = new Y.Doc();
    const text = doc.getText("t");
    for (const s of ["a", "é", "漢字", "🙂", "x🙂y", "\u{10FFFF}"]) text.insert(0, s);
    text.insert(0, "tail");
    const update = Y.encodeStateAsUpdate(doc);
    const run = decodingInPieces(update, 1);
    let pauses = 0;
    let result = run.next();
    while (!result.done) {
      pauses++;
      result = run.next();
    }
    expect(pauses).toBe(Y.decodeUpdate(update).structs.length);
    expect(shape(result.value)).toEqual(shape(Y.decodeUpdate(update)));
  });

  it("refuses what Yjs refuses: a string that is not UTF-8, a cut-off or bogus update", () => {
    const doc = new Y.Doc();
    doc.getText("t").insert(0, "ab");
    doc.getText("t").insert(0, "cd");
    const update = Y.encodeStateAsUpdate(doc);
    // "ab" -> a lone continuation byte and a four-byte lead.
    const broken = update.slice();
    const at = broken.findIndex((b, i) => b === 0x61 && broken[i + 1] === 0x62);
    broken.set([0x80, 0xf0], at);
    expect(() => Y.decodeUpdate(broken)).toThrow();
    expect(runToEnd(decodingInPieces(broken, 1))).toBeUndefined();
    expect(runToEnd(decodingInPieces(update.subarray(0, update.length - 3), 1))).toBeUndefined();
    expect(runToEnd(decodingInPieces(new Uint8Array([5, 1, 2]), 1))).toBeUndefined();
  });
});
