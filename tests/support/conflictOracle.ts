import * as Y from "yjs";

type Integrate = (this: Y.Item, transaction: Y.Transaction, offset: number) => void;

/**
 * Counts, while Yjs applies updates, the items its conflict resolution passes — the same
 * steps `ConflictModel` predicts. It walks the real scan of Item.integrate read-only just
 * before Yjs does (on the same objects), so its count is Yjs's, not a second model's.
 */
export function countYjsConflictSteps(apply: () => void): number {
  const proto = Y.Item.prototype as unknown as { integrate: Integrate };
  const original = proto.integrate;
  let steps = 0;
  proto.integrate = function (this: Y.Item, transaction: Y.Transaction, offset: number) {
    if (this.parent) {
      // With an offset (the document has the struct's first part), Yjs first anchors it to
      // that part; the split this makes is the one Yjs would make, so doing it here is safe.
      const left =
        offset > 0
          ? Y.getItemCleanEnd(
              transaction,
              transaction.doc.store,
              Y.createID(this.id.client, this.id.clock + offset - 1),
            )
          : this.left;
      const origin = offset > 0 ? (left as Y.Item).lastId : this.origin;
      steps += scanSteps(this, transaction.doc, left, origin);
    }
    original.call(this, transaction, offset);
  };
  try {
    apply();
  } finally {
    proto.integrate = original;
  }
  return steps;
}

/** yjs/src/structs/Item.js integrate(), the scan and the relink, counting moves only. */
function scanSteps(item: Y.Item, doc: Y.Doc, start: Y.Item | null, origin: Y.ID | null): number {
  const parent = item.parent as Y.AbstractType<unknown>;
  const sub = item.parentSub;
  let steps = 0;
  const leftmost = (start: Y.Item | null) => {
    let o = start;
    while (o !== null && o.left !== null) {
      steps++;
      o = o.left;
    }
    return o;
  };
  let left = start;
  const right = item.right;
  if ((!left && (!right || right.left !== null)) || (left && left.right !== right)) {
    let o: Y.Item | null;
    if (left !== null) o = left.right;
    else if (sub !== null) o = leftmost(parent._map.get(sub) ?? null);
    else o = parent._start;
    const conflicting = new Set<Y.Item>();
    const beforeOrigin = new Set<Y.Item>();
    while (o !== null && o !== right) {
      steps++;
      beforeOrigin.add(o);
      conflicting.add(o);
      if (Y.compareIDs(origin, o.origin)) {
        if (o.id.client < item.id.client) {
          left = o;
          conflicting.clear();
        } else if (Y.compareIDs(item.rightOrigin, o.rightOrigin)) break;
      } else if (o.origin !== null && beforeOrigin.has(Y.getItem(doc.store, o.origin) as Y.Item)) {
        if (!conflicting.has(Y.getItem(doc.store, o.origin) as Y.Item)) {
          left = o;
          conflicting.clear();
        }
      } else break;
      o = o.right;
    }
  }
  if (left === null && sub !== null) leftmost(parent._map.get(sub) ?? null);
  return steps;
}
