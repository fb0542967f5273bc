import * as encoding from "lib0/encoding";

/** A y-websocket sync frame (step 0/1/2) around a payload, built byte by byte. */
export function syncFrame(step: 0 | 1 | 2, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/** An update frame (sync step 2, "update"). */
export function updateFrame(update: Uint8Array): Uint8Array {
  return syncFrame(2, update);
}

/** Bytes of a varuint, for hand-made hostile frames. */
export function varUint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v > 127) {
    out.push((v % 128) | 128);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}
