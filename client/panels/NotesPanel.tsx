import { getNotesFragment } from "../../shared/board";
import { useBoard } from "../board/boardContext";
import { RichTextEditor } from "../editor/RichTextEditor";

/** Shared discussion notes: one rich-text document everyone edits live; the report's summary. */
export function NotesPanel() {
  const ctx = useBoard();
  const editable = ctx.session.role !== "observer";

  return (
    <div class="panel-section stack">
      <p class="hint">
        What the room learned, open questions, decisions. Everyone writes here together; the report
        opens with these notes.
      </p>
      <RichTextEditor
        class="notes-editor"
        fragment={getNotesFragment(ctx.doc)}
        editable={editable}
        label="Shared notes"
        placeholder="Notes from the discussion…"
        carets={{
          awareness: ctx.boardConnection.awareness,
          user: {
            name: ctx.me.name,
            color: ctx.me.color,
            participantId: ctx.session.participantId,
            role: ctx.session.role,
          },
        }}
      />
    </div>
  );
}
