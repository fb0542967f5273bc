import * as encoding from "lib0/encoding";
import type { Framing } from "../generatorApi";

/**
 * The y-websocket protocol (y-protocols sync + awareness) and Hocuspocus's variant of it, which
 * prefixes every message with the document name, wants an auth message first, answers a step 1
 * with a "sync reply" (type 4) and acknowledges updates with a "sync status" (type 8).
 */
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const HOCUSPOCUS_SYNC_REPLY = 4;
const AUTH_TOKEN = 0;
const STEP = { step1: 0, step2: 1, update: 2 } as const;

export type Incoming =
  | { kind: "sync-step1" }
  | { kind: "sync-step2" | "update" | "awareness"; payload: Uint8Array }
  | { kind: "other" };

const OTHER: Incoming = { kind: "other" };
const STEP1: Incoming = { kind: "sync-step1" };

function start(framing: Framing, docName: string): encoding.Encoder {
  const e = encoding.createEncoder();
  if (framing === "hocuspocus") encoding.writeVarString(e, docName);
  return e;
}

export function encodeSync(
  framing: Framing,
  docName: string,
  step: keyof typeof STEP,
  payload: Uint8Array,
): Uint8Array {
  const e = start(framing, docName);
  encoding.writeVarUint(e, MESSAGE_SYNC);
  encoding.writeVarUint(e, STEP[step]);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

export function encodeAwareness(framing: Framing, docName: string, payload: Uint8Array) {
  const e = start(framing, docName);
  encoding.writeVarUint(e, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/** Hocuspocus's first message on a document: the token its onAuthenticate hooks would check. */
export function encodeAuth(docName: string, token: string): Uint8Array {
  const e = start("hocuspocus", docName);
  encoding.writeVarUint(e, MESSAGE_AUTH);
  encoding.writeVarUint(e, AUTH_TOKEN);
  encoding.writeVarString(e, token);
  return encoding.toUint8Array(e);
}

// The read position of the varint reader below: decoding is synchronous, one frame at a time,
// and this spares the hot path (100,000 frames/s) a decoder object per frame.
let at = 0;

function readVarUint(b: Uint8Array): number {
  let n = 0;
  let scale = 1;
  for (;;) {
    const byte = b[at++];
    if (byte === undefined) throw new Error("truncated frame");
    n += (byte & 0x7f) * scale;
    if (byte < 0x80) return n;
    scale *= 128;
  }
}

function readBytes(b: Uint8Array): Uint8Array {
  const length = readVarUint(b);
  const start = at;
  at += length;
  if (at > b.length) throw new Error("truncated frame");
  return b.subarray(start, at);
}

/** Decodes what a client needs of a server frame; payloads are views, never copies. */
export function decodeFrame(framing: Framing, frame: Uint8Array): Incoming {
  at = 0;
  // Hocuspocus: the document name, skipped; a bench client speaks for one document per socket.
  // (Read the length first: `at += readVarUint(frame)` would add it to the old position.)
  if (framing === "hocuspocus") {
    const nameLength = readVarUint(frame);
    at += nameLength;
  }
  const type = readVarUint(frame);
  if (type === MESSAGE_AWARENESS) return { kind: "awareness", payload: readBytes(frame) };
  if (type !== MESSAGE_SYNC && !(framing === "hocuspocus" && type === HOCUSPOCUS_SYNC_REPLY)) {
    return OTHER;
  }
  const step = readVarUint(frame);
  if (step === STEP.step1) return STEP1;
  const payload = readBytes(frame);
  return { kind: step === STEP.step2 ? "sync-step2" : "update", payload };
}

/** One awareness entry: who, which version, and the state as JSON. */
export function encodeAwarenessEntry(clientId: number, clock: number, state: string): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, clientId);
  encoding.writeVarUint(e, clock);
  encoding.writeVarString(e, state);
  return encoding.toUint8Array(e);
}

/** Calls `each` with the client id and clock of every entry; the states are skipped unread. */
export function forEachAwarenessEntry(
  payload: Uint8Array,
  each: (clientId: number, clock: number) => void,
): void {
  at = 0;
  const count = readVarUint(payload);
  for (let i = 0; i < count; i++) {
    const clientId = readVarUint(payload);
    const clock = readVarUint(payload);
    const stateLength = readVarUint(payload);
    at += stateLength;
    each(clientId, clock);
  }
}
