import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { cutUpdate, EMPTY_DELETE_SET, encodeSections } from "./decodeInPieces";
import { ClientClocks, type DecodedUpdate, missingClient } from "./validateUpdate";

type Struct = DecodedUpdate["structs"][number];
type Run = { structs: Struct[]; i: number };

/**
 * Cuts an update into updates of at most `maxStructs` structs that, applied one after the
 * other, make the same document as the whole: Yjs applies an update in one synchronous call,
 * and a large one (thousands of structs, within every limit) would hold the event loop that
 * serves every room for tens of milliseconds. Each piece brings everything its items are
 * anchored to or nested in, or follows a piece that did, so Yjs never keeps one pending; the
 * deletions go with the last piece, when everything they name is there.
 *
 * `stateOf(client)` is the document's next clock for that client, read once per client before
 * the first piece. Returns undefined when the
 * update cannot be put in such an order (a gap, or an anchor nobody sends): validation
 * refuses those, so the caller applies it whole and lets Yjs decide.
 */
export function sliceUpdate(
  decoded: DecodedUpdate,
  maxStructs: number,
  stateOf: (client: number) => number,
): Iterable<Uint8Array> | undefined {
  const order = integrationOrder(decoded, stateOf);
  if (!order) return undefined;
  // Each piece is encoded when it is asked for: encoding them all at once would be the very
  // stall this avoids.
  return (function* () {
    for (let start = 0; start < order.length; start += maxStructs) {
      const last = start + maxStructs >= order.length;
      yield encodeSlice(order.slice(start, start + maxStructs), last ? decoded.ds : undefined);
    }
  })();
}

/**
 * `sliceUpdate` without re-encoding a struct: the update's own bytes cut every `maxStructs`
 * structs, each piece re-headed, when that order already puts everything a struct is anchored
 * to or nested in no later than its own piece (what one writer's update does). Undefined
 * otherwise (then use `sliceUpdate`). Encoding the structs again cost as much as decoding
 * them, and made garbage that lived across turns. `decoded` is the same update decoded.
 */
export function sliceInUpdateOrder(
  update: Uint8Array,
  decoded: DecodedUpdate,
  maxStructs: number,
  stateOf: (client: number) => number,
): Iterable<Uint8Array> | undefined {
  let cut: ReturnType<typeof cutUpdate>;
  try {
    cut = cutUpdate(update, maxStructs);
  } catch {
    return undefined;
  }
  if (cut.pieces.length === 0) return undefined;
  const reached = new ClientClocks(stateOf);
  const reachedOf = reached.of;
  let i = 0;
  for (const piece of cut.pieces) {
    // Within a piece Yjs finds the order itself (integrateStructs), so the piece counts whole.
    for (const { client, clock, length } of piece) {
      if (clock > reachedOf(client)) return undefined; // a gap in its own client's clocks
      reached.reach(client, clock + length);
    }
    for (const section of piece) {
      let clock = section.clock;
      for (let n = 0; n < section.structs; n++, i++) {
        const s = decoded.structs[i];
        if (!s || s instanceof Y.Skip) return undefined;
        if (s.id.client !== section.client || s.id.clock !== clock) return undefined;
        if (s instanceof Y.Item && !anchorsBefore(s, reachedOf)) return undefined;
        clock += s.length;
      }
    }
  }
  if (i !== decoded.structs.length) return undefined;
  const deleteSet = update.subarray(cut.dsStart);
  return (function* () {
    for (const [k, piece] of cut.pieces.entries()) {
      const last = k === cut.pieces.length - 1;
      yield encodeSections(piece, last ? deleteSet : EMPTY_DELETE_SET);
    }
  })();
}

/**
 * Whether everything `item` is anchored to or nested in is there by the end of its own piece:
 * an earlier clock of its own client, or another client's below `reachedOf`.
 */
function anchorsBefore(item: Y.Item, reachedOf: (client: number) => number): boolean {
  for (const ref of [item.origin, item.rightOrigin, item.parent]) {
    if (!(ref instanceof Y.ID)) continue;
    const bound = ref.client === item.id.client ? item.id.clock : reachedOf(ref.client);
    if (ref.clock >= bound) return false;
  }
  return true;
}

/**
 * The update's structs in an order where each one's anchors and parent come first: Yjs's own
 * order (integrateStructs, highest client first; a struct whose anchor is a later struct of
 * another client waits on a stack while that one goes first).
 */
function integrationOrder(
  decoded: DecodedUpdate,
  stateOf: (client: number) => number,
): Struct[] | undefined {
  const runs = new Map<number, Run>();
  for (const s of decoded.structs) {
    if (s instanceof Y.Skip) return undefined;
    const run = runs.get(s.id.client);
    if (run) run.structs.push(s);
    else runs.set(s.id.client, { structs: [s], i: 0 });
  }
  const reached = new ClientClocks(stateOf);
  const reachedOf = reached.of;
  const ids = [...runs.keys()].sort((a, b) => a - b);
  const nextRun = () => {
    while (ids.length > 0) {
      const run = runs.get(ids[ids.length - 1] as number) as Run;
      if (run.i < run.structs.length) return run;
      ids.pop();
    }
    return undefined;
  };
  const order: Struct[] = [];
  const stack: Struct[] = [];
  let current = nextRun();
  let head = current?.structs[current.i++];
  while (head) {
    const { client, clock } = head.id;
    if (clock > reachedOf(client)) return undefined; // a gap in its own client's clocks
    const missing = head instanceof Y.Item ? missingClient(head, reachedOf) : undefined;
    if (missing !== undefined) {
      const run = runs.get(missing);
      if (!run || run.i >= run.structs.length) return undefined;
      stack.push(head);
      head = run.structs[run.i++];
      continue;
    }
    order.push(head);
    reached.reach(client, clock + head.length);
    if (stack.length > 0) head = stack.pop();
    else if (current && current.i < current.structs.length) head = current.structs[current.i++];
    else {
      current = nextRun();
      head = current?.structs[current.i++];
    }
  }
  return order;
}

/** Encodes structs (each client's in clock order, without gaps) as a v1 update. */
function encodeSlice(structs: Struct[], ds: DecodedUpdate["ds"] | undefined): Uint8Array {
  const byClient = new Map<number, Struct[]>();
  for (const s of structs) {
    const list = byClient.get(s.id.client);
    if (list) list.push(s);
    else byClient.set(s.id.client, [s]);
  }
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, byClient.size);
  for (const [client, list] of byClient) {
    encoding.writeVarUint(encoder.restEncoder, list.length);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, (list[0] as Struct).id.clock);
    for (const s of list) s.write(encoder, 0);
  }
  // The delete set, as Yjs writes it (writeDeleteSet is not exported).
  const clients = ds ? [...ds.clients] : [];
  encoding.writeVarUint(encoder.restEncoder, clients.length);
  for (const [client, ranges] of clients) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, ranges.length);
    for (const { clock, len } of ranges) {
      encoder.writeDsClock(clock);
      encoder.writeDsLen(len);
    }
  }
  return encoder.toUint8Array();
}
