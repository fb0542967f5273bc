import { createMemo, Show } from "solid-js";
import type * as Y from "yjs";
import { getCardTextFragment } from "../../shared/board";
import { useBoard } from "../board/boardContext";
import { RichTextEditor } from "./RichTextEditor";

export type CardEditorProps = {
  /** The document holding the card: the board, or the participant's drafts. */
  doc: Y.Doc;
  cardId: string;
  editable: boolean;
  /** Focus the editor when it mounts (a card just created). */
  autofocus?: boolean;
};

/**
 * A card's rich text, edited collaboratively (Tiptap + Collaboration + CollaborationCaret),
 * with the blameless-language nudge. Carets are shared only on the board itself: drafts are
 * private, and their room has no one else to show.
 */
export function CardEditor(props: CardEditorProps) {
  const ctx = useBoard();
  // The model keeps a card's fragment for the card's life (text edits happen in place).
  const fragment = createMemo(() => getCardTextFragment(props.doc, props.cardId));
  const carets = () =>
    props.doc === ctx.doc
      ? {
          awareness: ctx.boardConnection.awareness,
          // participantId and role complete the presence user the editor merges into.
          user: {
            name: ctx.me.name,
            color: ctx.me.color,
            participantId: ctx.session.participantId,
            role: ctx.session.role,
          },
        }
      : undefined;

  return (
    <Show when={fragment()} keyed fallback={<p class="card-text hint">This card is gone.</p>}>
      {(text) => (
        <RichTextEditor
          class="card-editor"
          fragment={text}
          editable={props.editable}
          autofocus={props.autofocus}
          label="Card text"
          placeholder="What happened?"
          carets={carets()}
        />
      )}
    </Show>
  );
}
