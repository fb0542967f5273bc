import { type Accessor, Show } from "solid-js";

type Props = { label: Accessor<string | undefined>; onUndo: () => void; onClose: () => void };

/** "Card deleted — Undo": deleting needs no confirmation because it can be taken back. */
export function DeletedNotice(props: Props) {
  return (
    <div class="toast-slot" role="status" aria-live="polite">
      <Show when={props.label()}>
        {(label) => (
          <div class="toast">
            <span class="toast-text">Deleted: {label()}</span>
            <button type="button" onClick={() => props.onUndo()}>
              Undo
            </button>
            <button
              type="button"
              class="icon-button"
              aria-label="Dismiss"
              onClick={() => props.onClose()}
            >
              ×
            </button>
          </div>
        )}
      </Show>
    </div>
  );
}
