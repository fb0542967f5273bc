import { sha256 } from "./sha256";
import type { TimelineRow } from "./timelineRow";

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// 16 bytes (128 bits) of the digest: collisions among a board's cards are out of reach even for
// someone crafting rows on purpose, and the id stays short (26 characters with the prefix).
const ID_BYTES = 16;

function base64url(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0;
    const b1 = bytes[i + 1] ?? 0;
    const b2 = bytes[i + 2] ?? 0;
    const n = (b0 << 16) | (b1 << 8) | b2;
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < chars; c++) out += BASE64URL[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

/**
 * The card id of an imported row: "imp-" plus a SHA-256 of (board id, time, source, text). The
 * same row imported again maps to the same id, which is what makes re-imports add nothing; the
 * board id keeps one file imported into two boards from sharing ids. Matches ID_PATTERN.
 */
export function importCardId(boardId: string, row: Pick<TimelineRow, "at" | "text" | "source">) {
  // JSON of an array: unambiguous, however the parts themselves contain separators.
  const key = JSON.stringify([boardId, row.at, row.source, row.text]);
  return `imp-${base64url(sha256(new TextEncoder().encode(key)).subarray(0, ID_BYTES))}`;
}
