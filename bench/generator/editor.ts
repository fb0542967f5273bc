import * as Y from "yjs";
import { addCard, getCardTextFragment, moveCard, TIMELINE_LANE_ID } from "../../shared/board";

const T0 = Date.UTC(2026, 10, 2, 15, 0);

/**
 * One participant's small edits, made with the board commands: the first adds their own card,
 * then they type into it, one character per edit, and every fifth edit moves it (a drag).
 * Each edit is a real Yjs update of 20–60 bytes, like the ones a meeting sends all the time.
 * (Typing dominates because it does in a meeting, and because a move runs the board's input
 * validation, ~50 µs of the generator's CPU, where a keystroke costs a few.)
 *
 * The editor's doc holds only the board skeleton and its own card; it never applies what
 * others send, so 100 editors cost the generator next to nothing.
 */
export class Editor {
  readonly doc = new Y.Doc();
  private cardId: string | undefined;
  private edits = 0;
  private last: Uint8Array | undefined;

  constructor(skeleton: Uint8Array) {
    Y.applyUpdate(this.doc, skeleton);
    this.doc.on("update", (update: Uint8Array) => {
      this.last = update;
    });
  }

  get clientId(): number {
    return this.doc.clientID;
  }

  /** Makes the next edit and returns its update with the clock range it covers. */
  edit(): { update: Uint8Array; from: number; to: number } {
    const from = this.clock();
    this.last = undefined;
    const n = this.edits++;
    if (this.cardId === undefined) {
      this.cardId = addCard(this.doc, {
        laneId: TIMELINE_LANE_ID,
        at: T0,
        kind: "observation",
        authorId: "bench",
        createdAt: T0,
        text: "Bench card ",
      });
    } else if (n % 5 === 0) {
      moveCard(this.doc, this.cardId, { at: T0 + n * 1000 });
    } else {
      this.type("k");
    }
    const update = this.last as Uint8Array | undefined;
    if (!update) throw new Error("edit produced no update");
    return { update, from, to: this.clock() };
  }

  private type(char: string): void {
    const fragment = getCardTextFragment(this.doc, this.cardId as string);
    const paragraph = fragment?.get(0);
    const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : undefined;
    if (!(text instanceof Y.XmlText)) throw new Error("bench card has no text to type into");
    text.insert(text.length, char);
  }

  private clock(): number {
    return Y.getState(this.doc.store, this.doc.clientID);
  }
}
