import * as Y from "yjs";

// How long a copy is kept after the last change: joins come in bursts at a meeting's start,
// and a copy costs as much memory as the document.
export const CHANGE_COPY_IDLE_MS = 60_000;

/**
 * The copy of a room's document that the server's own changes are made on (Room.change), so
 * that a change is stored before anyone sees it. The copy is kept between changes and brought
 * up to date with what the document gained since, a diff against the copy's state vector:
 * copying the whole document for every change held the event loop for the whole document's
 * encoding and decoding at every join (see docs/benchmarks.md, "A join on a large board").
 * The first change after the copy was dropped still copies it whole.
 */
export class ChangeCopy {
  private copy: Y.Doc | undefined;
  private idle: NodeJS.Timeout | undefined;

  /** `clientId` writes the server's changes; it must not be the document's own. */
  constructor(
    private readonly doc: () => Y.Doc,
    private readonly clientId: number,
    private readonly idleMs = CHANGE_COPY_IDLE_MS,
  ) {}

  /** The copy, holding everything the document has, with the server's client id. */
  current(): Y.Doc {
    clearTimeout(this.idle);
    this.copy ??= new Y.Doc();
    Y.applyUpdate(this.copy, Y.encodeStateAsUpdate(this.doc(), Y.encodeStateVector(this.copy)));
    // Set after every load: Yjs re-rolls a doc's id when a remote update advances its clock.
    this.copy.clientID = this.clientId;
    return this.copy;
  }

  /** The change made on the copy is stored (or was none): keep the copy for the next one. */
  kept(): void {
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.drop(), this.idleMs);
    this.idle.unref();
  }

  /**
   * The copy may hold what the document will never have (a change that failed, or that threw
   * half-way): the next change starts from a new copy.
   */
  drop(): void {
    clearTimeout(this.idle);
    this.copy?.destroy();
    this.copy = undefined;
  }
}
