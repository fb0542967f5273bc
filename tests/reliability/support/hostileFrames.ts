import * as Y from "yjs";
import { updateFrame, varUint } from "./frames";

/** An update whose header claims `claimed` structs, followed by `gcStructs` 2-byte GC structs. */
function claimingUpdate(claimed: number, gcStructs: number): Uint8Array {
  const body = new Uint8Array(gcStructs * 2);
  for (let i = 0; i < gcStructs; i++) body.set([0, 1], i * 2);
  return new Uint8Array([1, ...varUint(claimed), ...varUint(99), 0, ...body, 0]);
}

/** An update claiming a delete set of `claimed` ranges for one client. */
function claimingDeleteSet(claimed: number, ranges: number): Uint8Array {
  const body: number[] = [];
  for (let i = 0; i < ranges; i++) body.push(i % 100, 1);
  return new Uint8Array([0, 1, 99, ...varUint(claimed), ...body]);
}

/**
 * A real update with `n` separate one-element items (inserted at the front, so none merge) in
 * the array `name`. Two of them in one array pass each other's items quadratically.
 */
export function denseUpdate(n: number, name = "a"): Uint8Array {
  const doc = new Y.Doc();
  const a = doc.getArray<number>(name);
  doc.transact(() => {
    for (let i = 0; i < n; i++) a.insert(0, [i & 1]);
  });
  return Y.encodeStateAsUpdate(doc);
}

/** A real update nesting `depth` XML elements, each inside the previous one. */
export function deepUpdate(depth: number): Uint8Array {
  const doc = new Y.Doc();
  let parent: Y.XmlFragment | Y.XmlElement = doc.getXmlFragment("deep");
  doc.transact(() => {
    for (let i = 0; i < depth; i++) {
      const el = new Y.XmlElement("blockquote");
      parent.insert(0, [el]);
      parent = el;
    }
  });
  return Y.encodeStateAsUpdate(doc);
}

export type HostileAttack = {
  name: string;
  /** Sent on one fresh socket, all at once; built again for every send. */
  frames: () => Uint8Array[];
  /** How the server must end that socket. */
  expectedCodes: number[];
};

/** The same frames for every send: built once, as they are costly to build. */
function once(frames: Uint8Array[]): () => Uint8Array[] {
  return () => frames;
}

/** Updates that claim a huge number of structs or nest deeply, and what each must get. */
export function hostileAttacks(): HostileAttack[] {
  // Names are unique per process; each attacker has a new client id per update too.
  let freshNames = 0;
  return [
    {
      name: "claims 2^31 structs, sends 10",
      frames: once([updateFrame(claimingUpdate(2 ** 31, 10))]),
      expectedCodes: [1002],
    },
    {
      name: "claims 2^31 structs, sends 500k",
      frames: once([updateFrame(claimingUpdate(2 ** 31, 500_000))]),
      expectedCodes: [4413],
    },
    {
      name: "claims 2^31 delete ranges",
      frames: once([updateFrame(claimingDeleteSet(2 ** 31, 100_000))]),
      expectedCodes: [4413],
    },
    {
      name: "claims 2^40 clients",
      frames: once([updateFrame(new Uint8Array([...varUint(2 ** 40), 0]))]),
      expectedCodes: [1002],
    },
    {
      name: "100k real structs",
      frames: once([updateFrame(denseUpdate(100_000))]),
      expectedCodes: [4413],
    },
    {
      name: "nests 50k deep",
      frames: once([updateFrame(deepUpdate(50_000))]),
      expectedCodes: [4413],
    },
    // Under the per-update limit, but ten in a row: the struct budget cuts it off. New content
    // every time, each update in an array of its own (no conflicts to charge): the same bytes
    // again would cost the room nothing (knownStructs.ts), which no attacker need settle for.
    {
      name: "ten updates of 8k structs",
      frames: () =>
        Array.from({ length: 10 }, () => updateFrame(denseUpdate(8_000, `a${freshNames++}`))),
      expectedCodes: [1008],
    },
  ];
}
