import * as Y from "yjs";
import { encodeSync } from "./wire";

// Applying what storage holds is not a change anyone needs to hear about.
const LOAD_ORIGIN = Symbol("load");

/**
 * A room's Y.Doc and its encoded forms. A room stored as one compacted snapshot serves that
 * snapshot as its full state, reads its state vector and diffs off it, and builds the Y.Doc
 * only when something needs the document: applying a 3,000-card board takes over 100 ms and
 * ~20 MB, and a client opening a board that is only read should wait for neither. The full
 * state is encoded once per version of the document: 150 clients opening a board at once
 * cost one encoding instead of 150.
 */
export class RoomDocument {
  private instance: Y.Doc | undefined;
  // The stored snapshot, while it is not applied yet, and its state vector once asked for.
  private snapshot: Uint8Array | undefined;
  private snapshotVector: Uint8Array | undefined;
  // The step-2 frame for a client with nothing; dropped on every change.
  private fullState: Uint8Array | undefined;

  constructor(
    /** Every change to the document except loading what storage held. */
    private readonly onChange: (update: Uint8Array, origin: unknown) => void,
    /** A stored row that does not apply: logged and skipped, not fatal. */
    private readonly onBadRow: (error: unknown) => void,
  ) {}

  /** The Y.Doc itself, made (empty) on first use; `doc` is the one with storage applied. */
  get ydoc(): Y.Doc {
    if (this.instance) return this.instance;
    const doc = new Y.Doc();
    doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === LOAD_ORIGIN) return;
      this.fullState = undefined;
      this.onChange(update, origin);
    });
    this.instance = doc;
    return doc;
  }

  /** Takes what storage holds: a single snapshot waits until needed, a log is applied now. */
  load(updates: Uint8Array[]): void {
    const [snapshot] = updates;
    if (updates.length === 1 && snapshot) {
      const frame = encodeSync("step2", snapshot);
      this.fullState = frame;
      // The frame ends with the snapshot: keep one copy of the bytes, not two.
      this.snapshot = frame.subarray(frame.byteLength - snapshot.byteLength);
    } else {
      this.applyRows(updates);
    }
  }

  /** The document with everything storage held applied. */
  get doc(): Y.Doc {
    const snapshot = this.snapshot;
    if (snapshot) {
      this.snapshot = undefined;
      this.snapshotVector = undefined;
      if (!this.applyRows([snapshot])) this.fullState = undefined;
    }
    return this.ydoc;
  }

  /** Whether the document is built (false while a snapshot waits to be applied). */
  get built(): boolean {
    return this.snapshot === undefined;
  }

  /** The state vector, for the server's sync step 1. */
  stateVector(): Uint8Array {
    if (this.snapshot) {
      this.snapshotVector ??= Y.encodeStateVectorFromUpdate(this.snapshot);
      return this.snapshotVector;
    }
    return Y.encodeStateVector(this.doc);
  }

  /** Sync step 2 for a client holding `stateVector`: what it lacks (throws on a bad vector). */
  missingFor(stateVector: Uint8Array): Uint8Array {
    if (this.snapshot) return Y.diffUpdate(this.snapshot, stateVector);
    return Y.encodeStateAsUpdate(this.doc, stateVector);
  }

  /** Sync step 2 for a client that has nothing yet: the whole document, encoded once. */
  fullStateFrame(): Uint8Array {
    this.fullState ??= encodeSync("step2", Y.encodeStateAsUpdate(this.doc));
    return this.fullState;
  }

  destroy(): void {
    this.snapshot = undefined;
    this.instance?.destroy();
  }

  private applyRows(rows: Uint8Array[]): boolean {
    let ok = true;
    for (const update of rows) {
      try {
        Y.applyUpdate(this.ydoc, update, LOAD_ORIGIN);
      } catch (error) {
        ok = false;
        this.onBadRow(error);
      }
    }
    return ok;
  }
}
