import * as decoding from "lib0/decoding";

// Yjs update v1 struct info bits (yjs/src/utils/updates.js, lazyStructReaderGenerator).
const BITS5 = 0b11111;
const HAS_PARENT_SUB = 0b0010_0000;
const HAS_RIGHT_ORIGIN = 0b0100_0000;
const HAS_ORIGIN = 0b1000_0000;
const SKIP = 10;
// Content kinds (yjs/src/structs/Item.js, contentRefs).
const DELETED = 1;
const JSON_CONTENT = 2;
const BINARY = 3;
const STRING = 4;
const EMBED = 5;
const FORMAT = 6;
const TYPE = 7;
const ANY = 8;
const DOC = 9;
// Type refs that carry a name (yjs/src/structs/ContentType.js): XmlElement, XmlHook.
const XML_ELEMENT = 3;
const XML_HOOK = 5;

/**
 * How many parts (structs plus delete ranges) a Yjs v1 update holds, reading no further than
 * `limit + 1` of them. Decoding and applying cost about a microsecond or two per part and
 * allocate an object for each, so this is what bounds the time and memory one update can take.
 * It only skips over the bytes (no objects), so refusing a hostile update costs O(limit).
 * Throws on bytes that do not parse; the full check is still `inspectUpdate`'s.
 */
export function countUpdateParts(update: Uint8Array, limit: number): number {
  const d = decoding.createDecoder(update);
  let parts = 0;
  const clients = decoding.readVarUint(d);
  for (let c = 0; c < clients; c++) {
    const structs = decoding.readVarUint(d);
    decoding.readVarUint(d); // client
    decoding.readVarUint(d); // clock
    for (let s = 0; s < structs; s++) {
      if (++parts > limit) return parts;
      skipStruct(d);
    }
  }
  const dsClients = decoding.readVarUint(d);
  for (let c = 0; c < dsClients; c++) {
    decoding.readVarUint(d); // client
    const ranges = decoding.readVarUint(d);
    for (let r = 0; r < ranges; r++) {
      if (++parts > limit) return parts;
      decoding.readVarUint(d); // clock
      decoding.readVarUint(d); // length
    }
  }
  return parts;
}

/** Skips one struct and returns its length in clock units (what Yjs's decoding makes of it). */
export function skipStruct(d: decoding.Decoder): number {
  const info = decoding.readUint8(d);
  const kind = info & BITS5;
  if (info === SKIP || kind === 0) {
    return decoding.readVarUint(d); // length of a Skip or GC
  }
  if (info & HAS_ORIGIN) skipId(d);
  if (info & HAS_RIGHT_ORIGIN) skipId(d);
  if ((info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) === 0) {
    if (decoding.readVarUint(d) === 1)
      skipString(d); // parent is a root type
    else skipId(d); // parent is a nested type
    if (info & HAS_PARENT_SUB) skipString(d);
  }
  switch (kind) {
    case DELETED:
      return decoding.readVarUint(d);
    case JSON_CONTENT: {
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) skipString(d);
      return n;
    }
    case BINARY:
      decoding.readVarUint8Array(d);
      return 1;
    case STRING:
      return utf16Length(readStringBytes(d));
    case EMBED:
      skipString(d);
      return 1;
    case FORMAT:
      skipString(d);
      skipString(d);
      return 1;
    case TYPE: {
      const ref = decoding.readVarUint(d);
      if (ref === XML_ELEMENT || ref === XML_HOOK) skipString(d);
      return 1;
    }
    case ANY: {
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) decoding.readAny(d);
      return n;
    }
    case DOC:
      skipString(d);
      decoding.readAny(d);
      return 1;
    default:
      throw new Error(`unknown content kind ${kind}`);
  }
}

function skipId(d: decoding.Decoder): void {
  decoding.readVarUint(d);
  decoding.readVarUint(d);
}

/** A string's UTF-8 bytes, not decoded: the count only needs to get past it. */
function readStringBytes(d: decoding.Decoder): Uint8Array {
  const length = decoding.readVarUint(d);
  if (d.pos + length > d.arr.length) throw new Error("string past the end of the update");
  const bytes = d.arr.subarray(d.pos, d.pos + length);
  d.pos += length;
  return bytes;
}

function skipString(d: decoding.Decoder): void {
  readStringBytes(d);
}

/**
 * The length in UTF-16 code units (JavaScript's string length, Yjs's clock units for text) of
 * valid UTF-8: one per lead byte, two for a four-byte sequence. Malformed bytes may count
 * differently than the decoder would; callers that rely on it check against Yjs's own result.
 */
function utf16Length(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) {
    if ((b & 0xc0) !== 0x80) n += b >= 0xf0 ? 2 : 1;
  }
  return n;
}
