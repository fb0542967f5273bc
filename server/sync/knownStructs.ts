import * as decoding from "lib0/decoding";
import { encodeSections } from "./decodeInPieces";
import { skipStruct } from "./updateCost";

/**
 * The update without the structs the document has already, whole: each client's leading
 * structs that end at or below `documentClock(client)` (a struct that reaches past it is kept;
 * Yjs applies its new part). Returns `update` itself when there are none.
 *
 * Yjs skips such structs when it applies an update, but only after everything before it has
 * paid for them: decoding, the dependency check, the conflict count, the commit and the relay
 * each cost about as much for a struct the room has as for a new one. A client that resends
 * what the room holds (a stale offline copy, a retry, or an attacker replaying one large update
 * within its budget) then costs the room nothing past this read, which only skips over bytes.
 *
 * Bytes that do not parse are returned as they came, for the decoder to refuse.
 */
export function withoutKnownStructs(
  update: Uint8Array,
  documentClock: (client: number) => number,
): Uint8Array {
  const kept: Array<{ client: number; clock: number; structs: number; bytes: Uint8Array }> = [];
  let dropped = 0;
  let deleteSet: Uint8Array;
  try {
    const d = decoding.createDecoder(update);
    const clients = decoding.readVarUint(d);
    for (let c = 0; c < clients; c++) {
      const count = decoding.readVarUint(d);
      const client = decoding.readVarUint(d);
      let clock = decoding.readVarUint(d);
      const known = documentClock(client);
      let s = 0;
      // Whole structs below the document's clock; V1 structs stand alone, so the rest of the
      // run is still a run once it starts at the first struct kept.
      while (s < count) {
        const start = d.pos;
        const length = skipStruct(d);
        if (clock + length > known) {
          d.pos = start;
          break;
        }
        clock += length;
        s++;
      }
      dropped += s;
      const start = d.pos;
      for (let i = s; i < count; i++) skipStruct(d);
      if (s < count)
        kept.push({ client, clock, structs: count - s, bytes: update.subarray(start, d.pos) });
    }
    deleteSet = update.subarray(d.pos);
  } catch {
    return update;
  }
  return dropped === 0 ? update : encodeSections(kept, deleteSet);
}
