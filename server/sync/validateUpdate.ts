import * as Y from "yjs";

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;
export type Inspection =
  | { kind: "malformed" }
  | { kind: "empty" }
  | { kind: "ok"; decoded: DecodedUpdate };

/**
 * Parses a Yjs update completely before it may be stored: a row that cannot be decoded would
 * sit in the log and break every later load of the room. "empty" updates (no structs, no
 * deletions — what a client sends as sync step 2 when it has nothing new) are not stored.
 */
export function inspectUpdate(update: Uint8Array): Inspection {
  if (update.length === 0) return { kind: "malformed" };
  try {
    const decoded = Y.decodeUpdate(update);
    if (isEmptyUpdate(decoded)) return { kind: "empty" };
    return { kind: "ok", decoded };
  } catch {
    return { kind: "malformed" };
  }
}

/** No structs and no deletions: nothing to store, apply or relay. */
export function isEmptyUpdate(decoded: DecodedUpdate): boolean {
  return decoded.structs.length === 0 && decoded.ds.clients.size === 0;
}

/**
 * Each client's next clock as far as structs have been placed, from `stateOf` (asked once
 * per client: an update of thousands of structs names only a few) and what was placed since.
 */
export class ClientClocks {
  private readonly clocks = new Map<number, number>();

  constructor(private readonly stateOf: (client: number) => number) {}

  /** For callers that take a function (missingClient). */
  readonly of = (client: number): number => {
    let clock = this.clocks.get(client);
    if (clock === undefined) {
      clock = this.stateOf(client);
      this.clocks.set(client, clock);
    }
    return clock;
  };

  /** Structs of `client` up to `end` are placed. */
  reach(client: number, end: number): void {
    this.clocks.set(client, Math.max(this.of(client), end));
  }
}

/**
 * The other client whose struct `item` is anchored to or nested in and that is not there yet
 * (`stateOf(client)` is the next clock present), or undefined. Yjs's integrateStructs applies
 * a struct only once this holds, putting another client's first.
 */
export function missingClient(
  item: Y.Item,
  stateOf: (client: number) => number,
): number | undefined {
  for (const ref of [item.origin, item.rightOrigin, item.parent]) {
    if (ref instanceof Y.ID && ref.client !== item.id.client && ref.clock >= stateOf(ref.client)) {
      return ref.client;
    }
  }
  return undefined;
}

/**
 * Whether an update depends on something the room does not have and the update does not
 * bring: a gap in a client's clocks, an item it is anchored to or nested in, or an item it
 * deletes. Yjs keeps such an update "pending" and re-merges the pending set with every later
 * update, so updates that never become integrable cost quadratic time and unbounded memory —
 * and stored, they would do so again at every load. `known(client)` is the next clock the
 * room has (or has accepted) for that client.
 */
export function lacksDependencies(decoded: DecodedUpdate, knownClock: (client: number) => number) {
  const known = new ClientClocks(knownClock).of;
  const reach = new Map<number, number>();
  for (const s of decoded.structs) {
    const client = s.id.client;
    const end = s.id.clock + s.length;
    if (!reach.has(client) && s.id.clock > known(client)) return true;
    // A Skip stands for clocks this update lacks; whatever follows needs the room to have them.
    if (s instanceof Y.Skip && end > known(client)) return true;
    reach.set(client, Math.max(reach.get(client) ?? 0, end));
  }
  const has = (client: number, clockEnd: number) =>
    clockEnd <= Math.max(known(client), reach.get(client) ?? 0);
  for (const s of decoded.structs) {
    if (!(s instanceof Y.Item)) continue;
    const { origin, rightOrigin, parent } = s;
    if (origin && !has(origin.client, origin.clock + 1)) return true;
    if (rightOrigin && !has(rightOrigin.client, rightOrigin.clock + 1)) return true;
    if (parent instanceof Y.ID && !has(parent.client, parent.clock + 1)) return true;
  }
  for (const [client, ranges] of decoded.ds.clients) {
    for (const r of ranges) if (!has(client, r.clock + r.len)) return true;
  }
  return false;
}
