import * as Y from "yjs";
import { ConflictModel } from "./conflictCost";
import { runToEnd } from "./turns";
import type { DecodedUpdate } from "./validateUpdate";

/**
 * A room's updates accepted for storage but not applied to its document yet. A client's next
 * keystroke builds on the previous one before that one is durable: its clocks must not look
 * like a gap (`knownClock`), and its cost is counted against a model of the document with
 * them (`conflictSteps`).
 */
export class PendingUpdates {
  // The next clock of each client these updates reach, where it is past the document's.
  private readonly clocks = new Map<number, number>();
  private readonly updates = new Set<DecodedUpdate>();
  private structCount = 0;
  // The document with `updates` applied, as ConflictModel sees it; made when first needed.
  private model: ConflictModel | undefined;

  constructor(private readonly doc: () => Y.Doc) {}

  /** Structs in the accepted updates. */
  get structs(): number {
    return this.structCount;
  }

  /** The next clock of `client` the document has or an accepted update brings. */
  knownClock(client: number): number {
    return Math.max(Y.getState(this.doc().store, client), this.clocks.get(client) ?? 0);
  }

  /**
   * The items Yjs's conflict resolution will pass to apply `decoded` after every accepted
   * update, counted up to just past `limit`. The model keeps it, as the next update will
   * build on it: if it is not accepted after all, call `discardModel`.
   */
  conflictSteps(decoded: DecodedUpdate, limit: number): number {
    return runToEnd(this.countingConflicts(decoded, limit));
  }

  /** `conflictSteps`, pausing now and then (see ConflictModel.applying). */
  *countingConflicts(decoded: DecodedUpdate, limit: number): Generator<void, number> {
    let model = this.model;
    if (!model) {
      model = new ConflictModel(this.doc());
      for (const u of this.updates) yield* model.applying(u);
    }
    const steps = yield* model.applying(decoded, limit);
    // Past the limit the model holds half of an update that will not be stored.
    this.model = steps > limit ? undefined : model;
    return steps;
  }

  /** The model is out of date: the document changed, or the last update counted was refused. */
  discardModel(): void {
    this.model = undefined;
  }

  accept(decoded: DecodedUpdate): void {
    for (const s of decoded.structs) {
      const end = s.id.clock + s.length;
      if (end > this.knownClock(s.id.client)) this.clocks.set(s.id.client, end);
    }
    this.updates.add(decoded);
    this.structCount += decoded.structs.length;
  }

  /** These updates are in the document now. */
  applied(batch: DecodedUpdate[]): void {
    for (const decoded of batch) this.forget(decoded);
    for (const [client, clock] of this.clocks) {
      if (Y.getState(this.doc().store, client) >= clock) this.clocks.delete(client);
    }
    this.model = undefined;
  }

  /** This update was not stored and never lands: later updates building on it are gaps again. */
  failed(decoded: DecodedUpdate): void {
    this.forget(decoded);
    this.clocks.clear();
    this.model = undefined;
  }

  private forget(decoded: DecodedUpdate): void {
    if (this.updates.delete(decoded)) this.structCount -= decoded.structs.length;
  }
}
