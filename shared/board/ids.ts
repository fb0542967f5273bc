/** Id of the single shared-facts lane; fixed so that concurrent `createBoard` calls converge. */
export const TIMELINE_LANE_ID = "timeline";

/** Ids are URL- and key-safe so they can travel in paths, room names and Y.Map keys unescaped. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** Participant ids are shorter than other ids so that their lane id still is a valid id. */
export const MAX_PARTICIPANT_ID_LENGTH = 64;

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Returns `bytes` cryptographically random bytes encoded as unpadded base64url. */
export function randomId(bytes = 12): string {
  if (!Number.isInteger(bytes) || bytes < 1 || bytes > 1024) {
    throw new Error(`randomId: bytes must be an integer from 1 to 1024, got ${bytes}`);
  }
  const data = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(data);
  let out = "";
  for (let i = 0; i < data.length; i += 3) {
    const b0 = data[i] ?? 0;
    const b1 = data[i + 1] ?? 0;
    const b2 = data[i + 2] ?? 0;
    const n = (b0 << 16) | (b1 << 8) | b2;
    const chars = Math.min(4, Math.ceil(((data.length - i) * 8) / 6));
    for (let c = 0; c < chars; c++) out += BASE64URL[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

/**
 * Returns the lane id of a participant's lane. Deterministic on purpose: two clients adding the
 * same participant concurrently write the same Y.Map key, so the documents converge to one lane.
 */
export function laneIdForParticipant(participantId: string): string {
  return `p-${participantId}`;
}
