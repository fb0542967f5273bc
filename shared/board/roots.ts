import * as Y from "yjs";
import { CARD_KEY, ROOT } from "./keys";

/** The top-level shared types of a board document, for observing; write through the commands. */
export interface BoardRoots {
  board: Y.Map<unknown>;
  lanes: Y.Map<unknown>;
  cards: Y.Map<unknown>;
  improvements: Y.Map<unknown>;
  notes: Y.XmlFragment;
}

/** Returns (and on first use defines) the board document's top-level shared types. */
export function getRoots(doc: Y.Doc): BoardRoots {
  return {
    board: doc.getMap(ROOT.board),
    lanes: doc.getMap(ROOT.lanes),
    cards: doc.getMap(ROOT.cards),
    improvements: doc.getMap(ROOT.improvements),
    notes: doc.getXmlFragment(ROOT.notes),
  };
}

/** Returns the shared discussion notes fragment, for binding a rich-text editor. */
export function getNotesFragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(ROOT.notes);
}

/** Returns the entry `id` of `parent` when it is a Y.Map, else undefined (absent or foreign data). */
export function childMap(parent: Y.Map<unknown>, id: string): Y.Map<unknown> | undefined {
  const child = parent.get(id);
  return child instanceof Y.Map ? (child as Y.Map<unknown>) : undefined;
}

/** Returns a card's text fragment for binding a rich-text editor, or null for an unknown card. */
export function getCardTextFragment(doc: Y.Doc, cardId: string): Y.XmlFragment | null {
  const card = childMap(getRoots(doc).cards, cardId);
  const text = card?.get(CARD_KEY.text);
  return text instanceof Y.XmlFragment ? text : null;
}
