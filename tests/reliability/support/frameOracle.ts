import * as decoding from "lib0/decoding";
import * as Y from "yjs";

/**
 * Whether a client frame is a well-formed y-websocket message, judged independently of the
 * server's decoder (lib0 and Yjs only): one message per frame, every length present, nothing
 * after it, a decodable update, state vector or awareness update. Randomly made frames are
 * sent as "malformed" only when this says so.
 */
export function isWellFormedFrame(frame: Uint8Array): boolean {
  try {
    const d = decoding.createDecoder(frame);
    const type = decoding.readVarUint(d);
    if (type === 0) {
      const step = decoding.readVarUint(d);
      const payload = decoding.readVarUint8Array(d);
      if (step === 0) Y.decodeStateVector(payload);
      else if (step === 1 || step === 2) {
        if (payload.length === 0) return false;
        Y.decodeUpdate(payload);
      } else return false;
    } else if (type === 1) {
      const a = decoding.createDecoder(decoding.readVarUint8Array(d));
      const n = decoding.readVarUint(a);
      for (let i = 0; i < n; i++) {
        decoding.readVarUint(a);
        decoding.readVarUint(a);
        const state: unknown = JSON.parse(decoding.readVarString(a));
        if (state !== null && (typeof state !== "object" || Array.isArray(state))) return false;
      }
      if (decoding.hasContent(a)) return false;
    } else if (type !== 3) return false;
    return !decoding.hasContent(d);
  } catch {
    return false;
  }
}
