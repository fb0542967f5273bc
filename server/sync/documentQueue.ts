import * as Y from "yjs";
import { sliceInUpdateOrder, sliceUpdate } from "./sliceUpdate";
import { runInTurns } from "./turns";
import type { DecodedUpdate } from "./validateUpdate";

/** A stored update on its way into the document; `from` is the transaction's origin. */
export type StoredUpdate = { update: Uint8Array; from: unknown; decoded: DecodedUpdate };

// Above this many structs an update is decoded, counted and applied over several event-loop
// turns (decodeInPieces, ConflictModel.applying, sliceUpdate), so other rooms' messages are
// not held up behind it: the first time V8 runs that code, thousands of structs take tens of
// milliseconds. Typing and pasting stay far below it.
export const SLICE_STRUCTS = 500;
// Structs per piece of a sliced update: each piece is one transaction and one frame per peer.
export const PIECE_STRUCTS = 100;

type Hooks = {
  /** These updates are in the document now. */
  applied(batch: DecodedUpdate[]): void;
  /** A stored update did not apply: validated before it was stored, so a bug. */
  failed(error: unknown): void;
  /** An update was applied in pieces. */
  sliced(): void;
};

/**
 * A room's stored updates on their way into its document, and its queue of document work
 * that spans event-loop turns. Everything one commit stored for the room is applied in one
 * transaction — one merged update, one frame per peer — because a frame per update per peer
 * was most of the relay's CPU (one syscall each). A batch with a large update is applied in
 * pieces instead, with a turn for the event loop every `TURN_MS`.
 */
export class DocumentQueue {
  private stored: StoredUpdate[] = [];
  private applying: Promise<void> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;

  constructor(
    private readonly doc: () => Y.Doc,
    private readonly hooks: Hooks,
  ) {}

  /** Whether document work that spans turns is running or waiting (see `serialize`). */
  get busy(): boolean {
    return this.queued > 0;
  }

  /**
   * Runs `task` once the document work queued before it is done. Work that pauses for other
   * rooms' messages must not see the document change under it, nor reorder what it applies.
   */
  serialize<T>(task: () => T | Promise<T>): Promise<T> {
    this.queued++;
    const run = this.queue.then(task).finally(() => {
      this.queued--;
    });
    this.queue = run.then(
      () => {},
      () => {},
    );
    return run;
  }

  /** Resolves once the work queued so far is done. */
  idle(): Promise<void> {
    return this.queue;
  }

  /**
   * Queues a stored update; resolves once it is applied. The commit resolves all of its
   * updates in one run of microtasks, so the batch's microtask sees them all.
   */
  add(entry: StoredUpdate): Promise<void> {
    this.stored.push(entry);
    this.applying ??= this.serialize(() => this.applyBatch());
    return this.applying;
  }

  private async applyBatch(): Promise<void> {
    const batch = this.stored;
    this.stored = [];
    this.applying = undefined;
    let structs = 0;
    for (const b of batch) structs += b.decoded.structs.length;
    if (structs <= SLICE_STRUCTS) {
      this.applyTogether(batch);
    } else {
      // In order: a later update of the batch may build on an earlier one.
      for (const entry of batch) {
        if (entry.decoded.structs.length <= SLICE_STRUCTS) this.applyTogether([entry]);
        else await this.applySliced(entry);
      }
    }
    this.hooks.applied(batch.map((b) => b.decoded));
  }

  private applyTogether(batch: StoredUpdate[]): void {
    const first = batch[0]?.from;
    // A peer already has its own updates; when the batch has others too, it gets them all
    // in the merged frame (Yjs ignores what it has), which is cheaper than one frame each.
    const origin = batch.every((b) => b.from === first) ? first : undefined;
    this.doc().transact(() => {
      for (const { update } of batch) this.applyOne(update);
    }, origin);
  }

  /**
   * Applies a large update in pieces, giving the event loop a turn every `TURN_MS`. Peers get
   * each piece as it lands; anyone joining meanwhile gets the document so far, then the rest.
   */
  private async applySliced({ update, from, decoded }: StoredUpdate): Promise<void> {
    const doc = this.doc();
    const stateOf = (client: number) => Y.getState(doc.store, client);
    // One writer's update is cut from its own bytes; others are put in Yjs's order first.
    const slices =
      sliceInUpdateOrder(update, decoded, PIECE_STRUCTS, stateOf) ??
      sliceUpdate(decoded, PIECE_STRUCTS, stateOf);
    if (!slices) {
      doc.transact(() => this.applyOne(update), from);
      return;
    }
    this.hooks.sliced();
    const applyOne = (slice: Uint8Array) => doc.transact(() => this.applyOne(slice), from);
    await runInTurns(
      (function* () {
        for (const slice of slices) {
          applyOne(slice);
          yield;
        }
      })(),
    );
  }

  private applyOne(update: Uint8Array): void {
    try {
      Y.applyUpdate(this.doc(), update);
    } catch (error) {
      this.hooks.failed(error);
    }
  }
}
