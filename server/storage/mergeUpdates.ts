import * as Y from "yjs";

/**
 * Folds a room's stored updates into one. Applying to a document (instead of Y.mergeUpdates)
 * garbage-collects deleted content, and encodeStateAsUpdate keeps pending structs whose
 * dependencies have not arrived yet, so nothing a client sent is dropped.
 */
export function foldUpdates(updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    for (const update of updates) Y.applyUpdate(doc, update);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
