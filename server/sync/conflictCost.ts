import * as Y from "yjs";
import { Node, NodeIndex, type ParentKey } from "./conflictNodes";
import { runToEnd } from "./turns";
import { type DecodedUpdate, missingClient } from "./validateUpdate";

type Struct = DecodedUpdate["structs"][number];

// Structs between the pauses of `applying`, unless their scans reach PAUSE_STEPS first: a
// check of the clock per pause stays negligible, and either is well under a millisecond of
// work once V8 has optimised it.
const PAUSE_EVERY = 64;
const PAUSE_STEPS = 10_000;

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
  private readonly nodes: NodeIndex;
  private readonly starts = new Map<ParentKey, Node | null>();
  private readonly mapItems = new Map<ParentKey, Map<string, Node | null>>();
  private steps = 0;
  // Counters behind Node.scanned and Node.conflict: a new scan, or clearing the conflicting set.
  private scans = 0;
  private conflicts = 1;
  private limit = Number.POSITIVE_INFINITY;

  // The next clock of each client in the model, for missingClient (one function, not one a struct).
  private readonly stateOf = (client: number) => this.nodes.state(client);

  constructor(private readonly doc: Y.Doc) {
    this.nodes = new NodeIndex(doc.store);
  }

  /**
   * Integrates `decoded` into the model and returns the steps its scans took. Stops once
   * past `limit` (and returns a number above it): the model is then half-applied, drop it.
   */
  apply(decoded: DecodedUpdate, limit = Number.POSITIVE_INFINITY): number {
    return runToEnd(this.applying(decoded, limit));
  }

  /**
   * `apply`, pausing after every `PAUSE_EVERY` structs, so a caller can count a large update
   * over several event-loop turns. The document must not change until it is done.
   */
  *applying(decoded: DecodedUpdate, limit = Number.POSITIVE_INFINITY): Generator<void, number> {
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
    let sincePause = 0;
    let stepsAtPause = 0;
    while (head && this.steps <= this.limit) {
      if (++sincePause === PAUSE_EVERY || this.steps - stepsAtPause > PAUSE_STEPS) {
        sincePause = 0;
        stepsAtPause = this.steps;
        yield;
      }
      if (!(head instanceof Y.Skip)) {
        const offset = this.nodes.state(head.id.client) - head.id.clock;
        if (offset < 0) break; // a gap: validation refuses these before they get here
        const missing = head instanceof Y.Item ? missingClient(head, this.stateOf) : undefined;
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
      const state = this.nodes.state(client);
      for (const { clock, len } of ranges) {
        const end = Math.min(clock + len, state);
        let n = clock < end ? this.nodes.find(Y.createID(client, clock)) : undefined;
        if (n && !n.deleted && !n.gc && n.clock < clock) n = this.split(n, clock - n.clock);
        while (n && n.clock < end) {
          if (!n.deleted && !n.gc) {
            if (end < n.clock + n.length) this.split(n, end - n.clock);
            n.deleted = true;
          }
          const after = n.clock + n.length;
          n = after < state ? this.nodes.find(Y.createID(client, after)) : undefined;
        }
      }
    }
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
    this.nodes.add(node);
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
    this.nodes.add(node);
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
      (!left && (!right || this.nodes.leftOf(right) !== null)) ||
      (left && this.nodes.rightOf(left) !== right)
    ) {
      let o: Node | null;
      if (left) o = this.nodes.rightOf(left);
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
          const originNode = this.nodes.originOf(o);
          if (!originNode || originNode.scanned !== scan) break;
          if (originNode.conflict !== this.conflicts) {
            chosen = o;
            this.conflicts++;
          }
        }
        o = this.nodes.rightOf(o);
      }
      left = chosen;
    }
    node.left = left;
    if (left) {
      node.right = this.nodes.rightOf(left);
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
    while (n !== null && this.nodes.leftOf(n) !== null && this.steps <= this.limit) {
      this.steps++;
      n = this.nodes.leftOf(n);
    }
    return n;
  }

  /** getItemCleanEnd: the slice ending at `id`. */
  private cleanEnd(id: Y.ID): Node | undefined {
    const n = this.nodes.find(id);
    if (n && !n.gc && id.clock !== n.clock + n.length - 1) this.split(n, id.clock - n.clock + 1);
    return n;
  }

  /** getItemCleanStart: the slice starting at `id`. */
  private cleanStart(id: Y.ID): Node | undefined {
    const n = this.nodes.find(id);
    if (!n || n.gc || id.clock === n.clock) return n;
    return this.split(n, id.clock - n.clock);
  }

  /** splitItem, and a map key whose last item was split now ends at the rest. */
  private split(n: Node, diff: number): Node {
    const rest = this.nodes.split(n, diff);
    if (rest.parentSub !== null && rest.right === null && rest.parent !== null) {
      this.setMapItem(rest.parent, rest.parentSub, rest);
    }
    return rest;
  }

  /** The parent key of the type held by the item at `id`; null when it was collected. */
  private typeAt(id: Y.ID): ParentKey | null {
    const n = this.nodes.find(id);
    if (!n || n.gc) return null;
    if (!n.item) return n;
    return n.item.content instanceof Y.ContentType ? n.item.content.type : null;
  }

  private start(parent: ParentKey): Node | null {
    if (this.starts.has(parent)) return this.starts.get(parent) as Node | null;
    const first = parent instanceof Y.AbstractType ? parent._start : null;
    return first ? (this.nodes.find(first.id) ?? null) : null;
  }

  private mapItem(parent: ParentKey, sub: string): Node | null {
    const own = this.mapItems.get(parent);
    if (own?.has(sub)) return own.get(sub) as Node | null;
    const item = parent instanceof Y.AbstractType ? parent._map.get(sub) : undefined;
    return item ? (this.nodes.find(item.lastId) ?? null) : null;
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
