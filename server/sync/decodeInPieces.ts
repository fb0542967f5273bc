import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { skipStruct } from "./updateCost";
import type { DecodedUpdate } from "./validateUpdate";

/** A run of one client's structs, as bytes of the update, with where its clocks start and end. */
type Section = {
  client: number;
  clock: number;
  structs: number;
  length: number;
  bytes: Uint8Array;
};

/**
 * Decodes a v1 update like `Y.decodeUpdate`, a piece of about `maxStructs` structs at a
 * time, pausing (`yield`) between pieces; run it with `runInTurns`. Decoding 8,000 structs
 * in one call takes 5 ms warm and 15 ms the first time. Returns undefined when the update
 * does not decode.
 *
 * The update is cut at struct boundaries without decoding (`skipStruct`), each piece is
 * re-headed with its clients' starting clocks and decoded by Yjs. Those clocks come from
 * this module's reading of each struct's length; every piece's decoded lengths are checked
 * against it, and on any difference (say, a string that is not valid UTF-8) the whole update
 * is decoded by Yjs in one call, as before.
 */
export function* decodingInPieces(
  update: Uint8Array,
  maxStructs: number,
): Generator<void, DecodedUpdate | undefined> {
  let cut: { pieces: Section[][]; dsStart: number };
  try {
    cut = cutUpdate(update, maxStructs);
  } catch {
    return undefined;
  }
  const structs: DecodedUpdate["structs"] = [];
  for (const piece of cut.pieces) {
    yield;
    const decoded = decodeOrUndefined(encodePiece(piece));
    if (!decoded || !matches(decoded.structs, piece)) return decodeOrUndefined(update);
    for (const s of decoded.structs) structs.push(s);
  }
  const ds = decodeOrUndefined(withoutStructs(update.subarray(cut.dsStart)))?.ds;
  return ds ? { structs, ds } : undefined;
}

function decodeOrUndefined(update: Uint8Array): DecodedUpdate | undefined {
  try {
    return Y.decodeUpdate(update);
  } catch {
    return undefined;
  }
}

/**
 * Cuts the struct part of an update into pieces of `maxStructs` structs (the last one fewer),
 * in the update's own order; `dsStart` is where its delete set begins. Throws on bytes that
 * do not parse.
 */
export function cutUpdate(update: Uint8Array, maxStructs: number) {
  const d = decoding.createDecoder(update);
  const pieces: Section[][] = [];
  let piece: Section[] = [];
  let inPiece = 0;
  const clients = decoding.readVarUint(d);
  for (let c = 0; c < clients; c++) {
    const count = decoding.readVarUint(d);
    const client = decoding.readVarUint(d);
    let clock = decoding.readVarUint(d);
    let start = d.pos;
    let startClock = clock;
    let structs = 0;
    for (let s = 0; s < count; s++) {
      clock += skipStruct(d);
      structs++;
      inPiece++;
      if (inPiece >= maxStructs || s === count - 1) {
        const bytes = update.subarray(start, d.pos);
        piece.push({ client, clock: startClock, structs, length: clock - startClock, bytes });
        start = d.pos;
        startClock = clock;
        structs = 0;
      }
      if (inPiece >= maxStructs) {
        pieces.push(piece);
        piece = [];
        inPiece = 0;
      }
    }
  }
  if (piece.length > 0) pieces.push(piece);
  return { pieces, dsStart: d.pos };
}

export const EMPTY_DELETE_SET = new Uint8Array([0]);

/** A piece as an update of its own, with an empty delete set. */
function encodePiece(piece: Section[]): Uint8Array {
  return encodeSections(piece, EMPTY_DELETE_SET);
}

/**
 * An update of runs of structs, as bytes cut from v1 updates (each re-headed with its client
 * and first clock), followed by a delete set's bytes. A client may have one run only: Yjs's
 * reader keeps the last run it reads for a client.
 */
export function encodeSections(
  sections: ReadonlyArray<Pick<Section, "client" | "clock" | "structs" | "bytes">>,
  deleteSet: Uint8Array,
): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, sections.length);
  for (const section of sections) {
    encoding.writeVarUint(e, section.structs);
    encoding.writeVarUint(e, section.client);
    encoding.writeVarUint(e, section.clock);
    encoding.writeUint8Array(e, section.bytes);
  }
  encoding.writeUint8Array(e, deleteSet);
  return encoding.toUint8Array(e);
}

/** An update of no structs with the given delete-set bytes. */
function withoutStructs(deleteSet: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(deleteSet.byteLength + 1);
  bytes.set(deleteSet, 1);
  return bytes;
}

/** Whether Yjs decoded each section to as many structs spanning as many clocks as counted. */
function matches(structs: DecodedUpdate["structs"], piece: Section[]): boolean {
  let i = 0;
  for (const section of piece) {
    let length = 0;
    for (let n = 0; n < section.structs; n++, i++) {
      const s = structs[i];
      if (!s || s.id.client !== section.client) return false;
      length += s.length;
    }
    if (length !== section.length) return false;
  }
  return i === structs.length;
}
