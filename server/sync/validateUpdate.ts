import * as Y from "yjs";

/**
 * Parses a Yjs update completely before it may be stored: a row that cannot be decoded would
 * sit in the log and break every later load of the room. "empty" updates (no structs, no
 * deletions — what a client sends as sync step 2 when it has nothing new) are not stored.
 */
export function inspectUpdate(update: Uint8Array): "malformed" | "empty" | "ok" {
  if (update.length === 0) return "malformed";
  try {
    const decoded = Y.decodeUpdate(update);
    if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return "empty";
    return "ok";
  } catch {
    return "malformed";
  }
}
