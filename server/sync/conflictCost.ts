import * as Y from "yjs";
import type { DecodedUpdate } from "./validateUpdate";

// What a node's parent is known by: an existing type, the node of a type this batch makes,
// or the name of a root type the document has not made yet.
type ParentKey = object | string;
type Struct = DecodedUpdate["structs"][number];

/**
 * A run of items as Yjs would hold it after applying what the model has seen: an existing
 * item (its neighbours read from the document when first needed), a slice of one after a
 * split, or an item of an update being costed.
 */
class Node {
  // undefined: not looked up yet; only an existing item's first slice reads the document.
  right: Node | null | undefined;
  left: Node | null | undefined;
  deleted = false;
  // Collected (a GC struct, or an item whose anchors or parent were): in no list.
  gc = false;
  // The slice last found holding `origin`; still right while it holds that clock (splits
  // only shorten a slice), so a scan finds each origin once instead of once per pass.
  originNode: Node | undefined;
  // Marks for the scan in `place`, in place of Yjs's two Sets: passed in scan number
  // `scanned`, and among the conflicting items while `conflict` is the model's current epoch.
  scanned = 0;
  conflict = 0;
  // For a node this model added (an original): its slices, in clock order. Kept here rather
  // than in the model's map, which an update of thousands of structs would fill for nothing.
  slices: Node[] | undefined;

  constructor(
    readonly client: number,
    readonly clock: number,
    public length: number,
    readonly origin: Y.ID | null,
    readonly rightOrigin: Y.ID | null,
    readonly parent: ParentKey | null,
    readonly parentSub: string | null,
    readonly item: Y.Item | undefined,
  ) {}
}

/**
 * Counts the work Yjs's conflict resolution would do to apply updates to a document, without
 * changing it. Yjs places an item inserted where others already are by scanning them
 * (Item.integrate), so items that all claim one position, or claim gaps that others fill,
 * cost time quadratic in their number — within every struct and message limit. The server
 * counts that scan before storing an update and charges it to the sender (see
 * `ConnectionLimits.conflictSteps`).
 *
 * The model follows Yjs 13's integration order (integrateStructs), splits (splitItem) and
 * scan (Item.integrate) step for step; `tests/unit/conflictCost.test.ts` checks its counts
 * against Yjs's own on random documents. Updates applied through one model stack up, as
 * they will in the document, until it is dropped.
 */
export class ConflictModel {
  private readonly store: Y.Doc["store"];
  // Slices of each of the document's structs the model has looked at (see Node.slices for
  // the model's own).
  private readonly slices = new Map<object, Node[]>();
  // Structs this model has integrated, per client, in clock order.
  private readonly added = new Map<number, Node[]>();
  // Next clock per client once this model has added to it (added runs shrink when split).
  private readonly states = new Map<number, number>();
  private readonly starts = new Map<ParentKey, Node | null>();
  private readonly mapItems = new Map<ParentKey, Map<string, Node | null>>();
  private steps = 0;
  // Counters behind Node.scanned and Node.conflict: a new scan, or clearing the conflicting set.
  private scans = 0;
  private conflicts = 1;
  private limit = Number.POSITIVE_INFINITY;

  constructor(private readonly doc: Y.Doc) {
    this.store = doc.store;
  }

  /**
   * Integrates `decoded` into the model and returns the steps its scans took. Stops once
   * past `limit` (and returns a number above it): the model is then half-applied, drop it.
   */
  apply(decoded: DecodedUpdate, limit = Number.POSITIVE_INFINITY): number {
    this.steps = 0;
    this.limit = limit;
    const refs = new Map<number, { structs: Struct[]; i: number }>();
    for (const s of decoded.structs) {
      const r = refs.get(s.id.client);
      if (r) r.structs.push(s);
      else refs.set(s.id.client, { structs: [s], i: 0 });
    }
    // Mirrors integrateStructs: highest client first; a struct that needs another client's
    // struct of this update waits on a stack while that one goes first.
    const ids = [...refs.keys()].sort((a, b) => a - b);
    const next = () => {
      while (ids.length > 0) {
        const r = refs.get(ids[ids.length - 1] as number) as { structs: Struct[]; i: number };
        if (r.i < r.structs.length) return r;
        ids.pop();
      }
      return undefined;
    };
    const stack: Struct[] = [];
    let current = next();
    let head = current?.structs[current.i++];
    while (head && this.steps <= this.limit) {
      if (!(head instanceof Y.Skip)) {
        const offset = this.state(head.id.client) - head.id.clock;
        if (offset < 0) break; // a gap: validation refuses these before they get here
        const missing = head instanceof Y.Item ? this.missingClient(head) : undefined;
        if (missing !== undefined) {
          const r = refs.get(missing);
          if (!r || r.i >= r.structs.length) break; // depends on what nobody sent
          stack.push(head);
          head = r.structs[r.i++];
          continue;
        }
        if (head instanceof Y.Item) {
          // getMissing anchors a struct, splitting the runs at its anchors, even when the
          // document has all of it already and Yjs then skips it.
          const left = head.origin ? this.cleanEnd(head.origin) : null;
          const right = head.rightOrigin ? this.cleanStart(head.rightOrigin) : null;
          if (offset < head.length) this.integrate(head, offset, left, right);
        } else if (offset < head.length) this.addGC(head, offset);
      }
      if (stack.length > 0) head = stack.pop();
      else if (current && current.i < current.structs.length) head = current.structs[current.i++];
      else {
        current = next();
        head = current?.structs[current.i++];
      }
    }
    if (this.steps <= this.limit) this.delete(decoded.ds);
    return this.steps;
  }

  /**
   * readAndApplyDeleteSet: deleting splits live runs at the range's ends, and the slices
   * count in later scans (of updates through this model; an update's own scans come first).
   */
  private delete(ds: DecodedUpdate["ds"]): void {
    for (const [client, ranges] of ds.clients) {
      const state = this.state(client);
      for (const { clock, len } of ranges) {
        const end = Math.min(clock + len, state);
        let n = clock < end ? this.find(Y.createID(client, clock)) : undefined;
        if (n && !n.deleted && !n.gc && n.clock < clock) n = this.split(n, clock - n.clock);
        while (n && n.clock < end) {
          if (!n.deleted && !n.gc) {
            if (end < n.clock + n.length) this.split(n, end - n.clock);
            n.deleted = true;
          }
          const after = n.clock + n.length;
          n = after < state ? this.find(Y.createID(client, after)) : undefined;
        }
      }
    }
  }

  private state(client: number): number {
    return this.states.get(client) ?? Y.getState(this.store, client);
  }

  private missingClient(s: Y.Item): number | undefined {
    for (const ref of [s.origin, s.rightOrigin, s.parent]) {
      if (
        ref instanceof Y.ID &&
        ref.client !== s.id.client &&
        ref.clock >= this.state(ref.client)
      ) {
        return ref.client;
      }
    }
    return undefined;
  }

  private addGC(s: Struct, offset: number): void {
    const { client, clock } = s.id;
    const node = new Node(
      client,
      clock + offset,
      s.length - offset,
      null,
      null,
      null,
      null,
      undefined,
    );
    node.gc = true;
    this.add(node);
  }

  /** Item.integrate for `s`, whose anchors getMissing resolved to `left` and `right`. */
  private integrate(
    s: Y.Item,
    offset: number,
    anchoredLeft: Node | null | undefined,
    right: Node | null | undefined,
  ): void {
    const client = s.id.client;
    const clock = s.id.clock + offset;
    const length = s.length - offset;
    // With an offset (the document has the struct's start), Yjs anchors it to that start.
    const origin = offset > 0 ? Y.createID(client, clock - 1) : s.origin;
    const left = offset > 0 ? this.cleanEnd(origin as Y.ID) : anchoredLeft;
    let parent: ParentKey | null = null;
    let parentSub = s.parentSub;
    if (left?.gc || right?.gc) parent = null;
    else if (left) [parent, parentSub] = [left.parent, left.parentSub];
    else if (right) [parent, parentSub] = [right.parent, right.parentSub];
    else if (s.parent instanceof Y.ID) parent = this.typeAt(s.parent);
    else if (typeof s.parent === "string") parent = this.doc.share.get(s.parent) ?? s.parent;
    const node = new Node(
      client,
      clock,
      length,
      origin,
      s.rightOrigin,
      parent,
      parentSub,
      undefined,
    );
    node.left = left;
    node.right = right;
    this.add(node);
    if (parent === null || left === undefined || right === undefined) {
      node.gc = true;
      return;
    }
    this.place(node, left, right);
  }

  /** Item.integrate's scan and relinking, counting each item it passes. */
  private place(node: Node, left: Node | null, right: Node | null): void {
    const parent = node.parent as ParentKey;
    const sub = node.parentSub;
    if (
      (!left && (!right || this.leftOf(right) !== null)) ||
      (left && this.rightOf(left) !== right)
    ) {
      let o: Node | null;
      if (left) o = this.rightOf(left);
      else if (sub !== null) o = this.leftmost(this.mapItem(parent, sub));
      else o = this.start(parent);
      const scan = ++this.scans;
      this.conflicts++;
      let chosen = left;
      while (o !== null && o !== right) {
        if (++this.steps > this.limit) return;
        o.scanned = scan;
        o.conflict = this.conflicts;
        if (Y.compareIDs(node.origin, o.origin)) {
          if (o.client < node.client) {
            chosen = o;
            this.conflicts++;
          } else if (Y.compareIDs(node.rightOrigin, o.rightOrigin)) break;
        } else {
          const originNode = this.originOf(o);
          if (!originNode || originNode.scanned !== scan) break;
          if (originNode.conflict !== this.conflicts) {
            chosen = o;
            this.conflicts++;
          }
        }
        o = this.rightOf(o);
      }
      left = chosen;
    }
    node.left = left;
    if (left) {
      node.right = this.rightOf(left);
      left.right = node;
    } else if (sub !== null) {
      node.right = this.leftmost(this.mapItem(parent, sub));
    } else {
      node.right = this.start(parent);
      this.starts.set(parent, node);
    }
    if (node.right) node.right.left = node;
    else if (sub !== null) {
      this.setMapItem(parent, sub, node);
      if (left) left.deleted = true; // the key's previous value
    }
    // Yjs deletes at once what lands in a deleted type, and a map value that is not the newest.
    if (this.parentDeleted(parent) || (sub !== null && node.right !== null)) node.deleted = true;
  }

  private parentDeleted(parent: ParentKey): boolean {
    if (parent instanceof Node) return parent.deleted;
    return parent instanceof Y.AbstractType && parent._item !== null && parent._item.deleted;
  }

  private leftmost(n: Node | null): Node | null {
    while (n !== null && this.leftOf(n) !== null && this.steps <= this.limit) {
      this.steps++;
      n = this.leftOf(n);
    }
    return n;
  }

  private add(node: Node): Node {
    const list = this.added.get(node.client);
    if (list) list.push(node);
    else this.added.set(node.client, [node]);
    this.states.set(node.client, node.clock + node.length);
    node.slices = [node];
    return node;
  }

  /** The slice holding `n`'s origin (see Node.originNode). */
  private originOf(n: Node): Node | undefined {
    const id = n.origin;
    if (id === null) return undefined;
    const cached = n.originNode;
    if (cached && id.clock >= cached.clock && id.clock < cached.clock + cached.length)
      return cached;
    n.originNode = this.find(id);
    return n.originNode;
  }

  /** The slice holding `id`, or undefined when neither the document nor the model has it. */
  private find(id: Y.ID): Node | undefined {
    const original = this.originalAt(id.client, id.clock);
    if (!original) return undefined;
    const slices = this.slicesOf(original);
    return slices[findRun(slices, id.clock)];
  }

  private slicesOf(original: Y.Item | Y.GC | Node): Node[] {
    if (original instanceof Node) return original.slices as Node[];
    let slices = this.slices.get(original);
    if (!slices) {
      slices = [this.wrap(original)];
      this.slices.set(original, slices);
    }
    return slices;
  }

  private wrap(struct: Y.Item | Y.GC): Node {
    const { client, clock } = struct.id;
    if (!(struct instanceof Y.Item)) {
      const node = new Node(client, clock, struct.length, null, null, null, null, undefined);
      node.gc = true;
      return node;
    }
    const node = new Node(
      client,
      clock,
      struct.length,
      struct.origin,
      struct.rightOrigin,
      struct.parent as ParentKey | null,
      struct.parentSub,
      struct,
    );
    node.deleted = struct.deleted;
    return node;
  }

  private rightOf(n: Node): Node | null {
    if (n.right === undefined)
      n.right = n.item?.right ? (this.find(n.item.right.id) ?? null) : null;
    return n.right;
  }

  private leftOf(n: Node): Node | null {
    if (n.left === undefined)
      n.left = n.item?.left ? (this.find(n.item.left.lastId) ?? null) : null;
    return n.left;
  }

  /** getItemCleanEnd: the slice ending at `id`. */
  private cleanEnd(id: Y.ID): Node | undefined {
    const n = this.find(id);
    if (n && !n.gc && id.clock !== n.clock + n.length - 1) this.split(n, id.clock - n.clock + 1);
    return n;
  }

  /** getItemCleanStart: the slice starting at `id`. */
  private cleanStart(id: Y.ID): Node | undefined {
    const n = this.find(id);
    if (!n || n.gc || id.clock === n.clock) return n;
    return this.split(n, id.clock - n.clock);
  }

  /** splitItem: the part from `diff` on becomes a slice of its own. */
  private split(n: Node, diff: number): Node {
    const right = this.rightOf(n);
    const rest = new Node(
      n.client,
      n.clock + diff,
      n.length - diff,
      Y.createID(n.client, n.clock + diff - 1),
      n.rightOrigin,
      n.parent,
      n.parentSub,
      undefined,
    );
    rest.left = n;
    rest.right = right;
    rest.deleted = n.deleted;
    if (right) right.left = rest;
    n.right = rest;
    n.length = diff;
    const slices = this.slicesOf(this.originalAt(n.client, n.clock) as Y.Item | Y.GC | Node);
    slices.splice(slices.indexOf(n) + 1, 0, rest);
    if (rest.parentSub !== null && right === null && rest.parent !== null) {
      this.setMapItem(rest.parent, rest.parentSub, rest);
    }
    return rest;
  }

  /** The struct as first seen (the document's, or one this model added) that holds `clock`. */
  private originalAt(client: number, clock: number): Y.Item | Y.GC | Node | undefined {
    const added = this.added.get(client);
    if (added && added.length > 0 && clock >= (added[0] as Node).clock) {
      return added[findRun(added, clock)];
    }
    const structs = this.store.clients.get(client);
    if (!structs || clock >= Y.getState(this.store, client)) return undefined;
    return structs[Y.findIndexSS(structs, clock)];
  }

  /** The parent key of the type held by the item at `id`; null when it was collected. */
  private typeAt(id: Y.ID): ParentKey | null {
    const n = this.find(id);
    if (!n || n.gc) return null;
    if (!n.item) return n;
    return n.item.content instanceof Y.ContentType ? n.item.content.type : null;
  }

  private start(parent: ParentKey): Node | null {
    if (this.starts.has(parent)) return this.starts.get(parent) as Node | null;
    const first = parent instanceof Y.AbstractType ? parent._start : null;
    return first ? (this.find(first.id) ?? null) : null;
  }

  private mapItem(parent: ParentKey, sub: string): Node | null {
    const own = this.mapItems.get(parent);
    if (own?.has(sub)) return own.get(sub) as Node | null;
    const item = parent instanceof Y.AbstractType ? parent._map.get(sub) : undefined;
    return item ? (this.find(item.lastId) ?? null) : null;
  }

  private setMapItem(parent: ParentKey, sub: string, node: Node): void {
    let own = this.mapItems.get(parent);
    if (!own) {
      own = new Map();
      this.mapItems.set(parent, own);
    }
    own.set(sub, node);
  }
}

/** Index of the run in `runs` (sorted by clock, contiguous) that holds `clock`. */
function findRun(runs: { clock: number; length: number }[], clock: number): number {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((runs[mid] as { clock: number }).clock <= clock) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
