import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

/**
 * The y-websocket wire format (y-protocols), decoded strictly: a frame holds exactly one
 * message, every length is checked against the bytes present, and anything else is a
 * ProtocolError that closes the connection that sent it.
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

export type ClientMessage =
  | { type: "sync-step1"; stateVector: Uint8Array }
  | { type: "sync-step2"; update: Uint8Array }
  | { type: "update"; update: Uint8Array }
  | { type: "awareness"; entries: AwarenessEntry[] }
  | { type: "query-awareness" };

export type AwarenessEntry = { clientId: number; clock: number; state: string };

export class ProtocolError extends Error {
  override name = "ProtocolError";
}

/** Decodes one client frame; throws ProtocolError on anything malformed. */
export function decodeClientMessage(
  frame: Uint8Array,
  maxAwarenessStateBytes: number,
): ClientMessage {
  const d = decoding.createDecoder(frame);
  const type = readUint(d, "message type");
  let message: ClientMessage;
  switch (type) {
    case MESSAGE_SYNC: {
      const step = readUint(d, "sync step");
      const payload = readBytes(d, "sync payload");
      if (step === SYNC_STEP1) message = { type: "sync-step1", stateVector: payload };
      else if (step === SYNC_STEP2) message = { type: "sync-step2", update: payload };
      else if (step === SYNC_UPDATE) message = { type: "update", update: payload };
      else throw new ProtocolError(`unknown sync step ${step}`);
      break;
    }
    case MESSAGE_AWARENESS:
      message = {
        type: "awareness",
        entries: decodeAwareness(readBytes(d, "awareness payload"), maxAwarenessStateBytes),
      };
      break;
    case MESSAGE_QUERY_AWARENESS:
      message = { type: "query-awareness" };
      break;
    default:
      throw new ProtocolError(`unknown message type ${type}`);
  }
  if (decoding.hasContent(d)) throw new ProtocolError("trailing bytes after message");
  return message;
}

function decodeAwareness(payload: Uint8Array, maxStateBytes: number): AwarenessEntry[] {
  const d = decoding.createDecoder(payload);
  const count = readUint(d, "awareness count");
  // Each entry takes at least three bytes; a larger claim cannot be honest.
  if (count > payload.length / 3) throw new ProtocolError("awareness count exceeds payload");
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = readUint(d, "awareness client id");
    const clock = readUint(d, "awareness clock");
    const bytes = readBytes(d, "awareness state");
    if (bytes.length > maxStateBytes) throw new ProtocolError("awareness state too large");
    const state = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    try {
      const parsed: unknown = JSON.parse(state);
      if (parsed !== null && (typeof parsed !== "object" || Array.isArray(parsed))) {
        throw new ProtocolError("awareness state must be an object or null");
      }
    } catch (error) {
      if (error instanceof ProtocolError) throw error;
      throw new ProtocolError("awareness state is not JSON");
    }
    entries.push({ clientId, clock, state });
  }
  if (decoding.hasContent(d)) throw new ProtocolError("trailing bytes after awareness");
  return entries;
}

function readUint(d: decoding.Decoder, what: string): number {
  if (!decoding.hasContent(d)) throw new ProtocolError(`missing ${what}`);
  // Varints longer than 7 bytes (49 bits) are never produced by y-protocols for these fields.
  const start = d.pos;
  let n: number;
  try {
    n = decoding.readVarUint(d);
  } catch {
    throw new ProtocolError(`malformed ${what}`);
  }
  if (d.pos - start > 7) throw new ProtocolError(`${what} out of range`);
  return n;
}

function readBytes(d: decoding.Decoder, what: string): Uint8Array {
  const length = readUint(d, `${what} length`);
  if (length > d.arr.length - d.pos) throw new ProtocolError(`${what} longer than frame`);
  return decoding.readUint8Array(d, length);
}

/** A sync message (step 1, step 2 or update) ready to send. */
export function encodeSync(step: "step1" | "step2" | "update", payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  encoding.writeVarUint(
    e,
    step === "step1" ? SYNC_STEP1 : step === "step2" ? SYNC_STEP2 : SYNC_UPDATE,
  );
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

export function encodeAwarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(e, awarenessUpdate);
  return encoding.toUint8Array(e);
}

/** Re-encodes validated awareness entries as a y-protocols awareness update. */
export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(e, entry.clientId);
    encoding.writeVarUint(e, entry.clock);
    encoding.writeVarString(e, entry.state);
  }
  return encoding.toUint8Array(e);
}
