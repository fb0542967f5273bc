import { type Accessor, createSignal, onCleanup } from "solid-js";
import type * as Y from "yjs";
import { type Card, readDraftCards } from "../../shared/board";

/** A participant's private draft cards, following their drafts document. */
export function createDraftCards(doc: Y.Doc): Accessor<Card[]> {
  const [cards, setCards] = createSignal<Card[]>(readDraftCards(doc));
  const onChange = () => setCards(readDraftCards(doc));
  doc.on("update", onChange);
  onCleanup(() => doc.off("update", onChange));
  return cards;
}
