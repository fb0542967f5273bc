import { readCard } from "../../shared/board";
import { useBoard } from "../board/boardContext";

export type CardEditorProps = {
  /** The document holding the card: the board, or the participant's drafts. */
  doc: import("yjs").Doc;
  cardId: string;
  editable: boolean;
  /** Focus the editor when it mounts (a card just created). */
  autofocus?: boolean;
};

/**
 * A card's rich text, edited collaboratively (Tiptap + Collaboration + CollaborationCaret).
 * (Placeholder: plain text until the editor lands.)
 */
export function CardEditor(props: CardEditorProps) {
  useBoard();
  return <p class="card-text">{readCard(props.doc, props.cardId)?.text ?? ""}</p>;
}
