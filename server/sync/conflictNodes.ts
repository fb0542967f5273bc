import * as Y from "yjs";

// What a node's parent is known by: an existing type, the node of a type this batch makes,
// or the name of a root type the document has not made yet.
export type ParentKey = object | string;

/**
 * A run of items as Yjs would hold it after applying what the model has seen: an existing
 * item (its neighbours read from the document when first needed), a slice of one after a
 * split, or an item of an update being costed.
 */
export class Node {
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
 * Where each clock lives for ConflictModel: the document's structs, wrapped in Nodes as the
 * model first reads them, the model's own, and the slices splits make of both. Reads the
 * document, never changes it.
 */
export class NodeIndex {
  // Slices of each of the document's structs looked at so far (see Node.slices for the
  // model's own).
  private readonly slices = new Map<object, Node[]>();
  // Structs the model has integrated, per client, in clock order.
  private readonly added = new Map<number, Node[]>();
  // Next clock per client once the model has added to it (added runs shrink when split).
  private readonly states = new Map<number, number>();

  constructor(private readonly store: Y.Doc["store"]) {}

  /** The next clock of `client` in the document with the model's structs. */
  state(client: number): number {
    return this.states.get(client) ?? Y.getState(this.store, client);
  }

  add(node: Node): Node {
    const list = this.added.get(node.client);
    if (list) list.push(node);
    else this.added.set(node.client, [node]);
    this.states.set(node.client, node.clock + node.length);
    node.slices = [node];
    return node;
  }

  /** The slice holding `n`'s origin (see Node.originNode). */
  originOf(n: Node): Node | undefined {
    const id = n.origin;
    if (id === null) return undefined;
    const cached = n.originNode;
    if (cached && id.clock >= cached.clock && id.clock < cached.clock + cached.length)
      return cached;
    n.originNode = this.find(id);
    return n.originNode;
  }

  /** The slice holding `id`, or undefined when neither the document nor the model has it. */
  find(id: Y.ID): Node | undefined {
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

  rightOf(n: Node): Node | null {
    if (n.right === undefined)
      n.right = n.item?.right ? (this.find(n.item.right.id) ?? null) : null;
    return n.right;
  }

  leftOf(n: Node): Node | null {
    if (n.left === undefined)
      n.left = n.item?.left ? (this.find(n.item.left.lastId) ?? null) : null;
    return n.left;
  }

  /** splitItem: the part from `diff` on becomes a slice of its own. */
  split(n: Node, diff: number): Node {
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
