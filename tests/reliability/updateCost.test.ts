import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { countUpdateParts } from "../../server/sync/updateCost";
import { createRandom } from "../support/random";
import { figure, reliabilitySeed, scaled } from "./support/figures";

/** What Yjs itself decodes: structs plus delete ranges. */
function yjsParts(update: Uint8Array): number {
  const { structs, ds } = Y.decodeUpdate(update);
  let ranges = 0;
  for (const list of ds.clients.values()) ranges += list.length;
  return structs.length + ranges;
}

/** A document touched by every kind of content, from two clients, with deletions and GC. */
function randomUpdate(seed: number): Uint8Array {
  const rnd = createRandom(seed);
  const a = new Y.Doc();
  const b = new Y.Doc();
  for (let step = 0; step < 60; step++) {
    const doc = rnd.chance(0.5) ? a : b;
    const choice = rnd.int(9);
    const text = doc.getText("t");
    const xml = doc.getXmlFragment("x");
    if (choice === 0) doc.getMap("m").set(`k${rnd.int(5)}`, { n: rnd.int(9), s: ["x", null] });
    else if (choice === 1) doc.getMap("m").set("bin", new Uint8Array([rnd.int(256)]));
    else if (choice === 2)
      text.insert(rnd.int(text.length + 1), "abc", rnd.chance(0.5) ? { bold: true } : {});
    else if (choice === 3 && text.length > 2) text.delete(rnd.int(text.length - 1), 1);
    else if (choice === 4) text.insertEmbed(rnd.int(text.length + 1), { image: "x" });
    else if (choice === 5) {
      const el = new Y.XmlElement("p");
      el.setAttribute("a", String(rnd.int(9)));
      xml.insert(0, [el, new Y.XmlText("t")]);
    } else if (choice === 6) doc.getArray("a").insert(0, [rnd.int(9), new Y.Map(), new Y.Array()]);
    else if (choice === 7 && doc.getArray("a").length > 0) doc.getArray("a").delete(0, 1);
    else doc.getMap("m").set("doc", new Y.Doc());
    if (rnd.chance(0.3)) Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    if (rnd.chance(0.3)) Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  }
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
  return Y.encodeStateAsUpdate(a);
}

describe("counting an update's parts without decoding it", () => {
  it("agrees with Yjs on random documents of every content kind", () => {
    const seed = reliabilitySeed("update-cost");
    const runs = scaled(40, 2000);
    let mismatches = 0;
    for (let i = 0; i < runs; i++) {
      const update = randomUpdate(seed + i);
      if (countUpdateParts(update, Number.MAX_SAFE_INTEGER) !== yjsParts(update)) mismatches++;
    }
    figure("update_cost_random_documents", runs);
    figure("update_cost_mismatches", mismatches);
    expect(mismatches).toBe(0);
  });

  it("stops reading at the limit", () => {
    const doc = new Y.Doc();
    const a = doc.getArray<number>("a");
    doc.transact(() => {
      for (let i = 0; i < 50_000; i++) a.insert(0, [i]);
    });
    expect(countUpdateParts(Y.encodeStateAsUpdate(doc), 10_000)).toBe(10_001);
  });
});
