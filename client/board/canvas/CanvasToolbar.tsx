import { For, Show } from "solid-js";
import { CARD_KINDS } from "../../../shared/board";
import { useBoard } from "../boardContext";
import { CARD_KIND_LABELS } from "../cardKindLabels";
import { KindIcon } from "./KindIcon";

type Props = {
  /** Undefined when this person may not add cards (observers). */
  onNewCard?: () => void;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onFitAll: () => void;
  /** "10 min": the time between two grid lines. */
  scale: string;
};

/** View and history controls above the board, with the legend of card kinds. */
export function CanvasToolbar(props: Props) {
  const ctx = useBoard();
  return (
    <div class="canvas-toolbar">
      <div class="toolbar-group" role="toolbar" aria-label="Board tools">
        <Show when={props.onNewCard}>
          {(onNewCard) => (
            <button
              type="button"
              class="primary"
              aria-keyshortcuts="n"
              onClick={() => onNewCard()()}
            >
              New card <kbd>N</kbd>
            </button>
          )}
        </Show>
        <button
          type="button"
          aria-label="Zoom out"
          title="Zoom out (−)"
          aria-keyshortcuts="-"
          onClick={() => props.onZoomOut()}
        >
          −
        </button>
        <button
          type="button"
          aria-label="Zoom in"
          title="Zoom in (+)"
          aria-keyshortcuts="+"
          onClick={() => props.onZoomIn()}
        >
          +
        </button>
        <button
          type="button"
          title="Show every card (0)"
          aria-keyshortcuts="0"
          onClick={() => props.onFitAll()}
        >
          Fit all
        </button>
        <span class="scale" aria-live="polite">
          grid {props.scale}
        </span>
        <Show when={ctx.session.role !== "observer"}>
          <button
            type="button"
            title="Undo your last card change (Ctrl/⌘+Z)"
            aria-keyshortcuts="Control+Z Meta+Z"
            disabled={!ctx.undo.canUndo()}
            onClick={() => ctx.undo.undo()}
          >
            Undo
          </button>
          <button
            type="button"
            title="Redo (Shift+Ctrl/⌘+Z)"
            aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
            disabled={!ctx.undo.canRedo()}
            onClick={() => ctx.undo.redo()}
          >
            Redo
          </button>
        </Show>
      </div>
      <ul class="legend" aria-label="Card kinds">
        <For each={CARD_KINDS}>
          {(kind) => (
            <li class={`kind kind-${kind}`}>
              <KindIcon kind={kind} />
              {CARD_KIND_LABELS[kind]}
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}
