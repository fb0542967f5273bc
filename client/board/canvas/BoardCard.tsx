import { type Accessor, createSignal, onCleanup, Show } from "solid-js";
import { useBoard } from "../boardContext";
import { CARD_KIND_LABELS } from "../cardKindLabels";
import type { CardRef } from "../createBoardActions";
import type { ShownCard } from "../createBoardLayout";
import { CardFooter } from "./CardFooter";
import { CardText } from "./CardText";
import type { CanvasState } from "./createCanvasState";
import { startCardDrag } from "./createCardDrag";
import { KindBadge } from "./KindBadge";
import { formatClock } from "./timeFormat";

type Props = {
  cardKey: string;
  /** Top of the card's lane, for positioning within it. */
  laneTop: Accessor<number>;
  canvas: CanvasState;
  nameOf: (participantId: string) => string | undefined;
  timeZone: Accessor<string>;
  onDelete: (card: CardRef, label: string) => void;
};

const MINUTE = 60_000;
const POINTER_DWELL_MS = 150;
const excerpt = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

/** One card on its lane, at its time; found by key so it survives re-reads of the board. */
export function BoardCard(props: Props) {
  const ctx = useBoard();
  const shown = () => ctx.layout.byKey().get(props.cardKey);
  return <Show when={shown()}>{(s) => <CardBox {...props} shown={s()} />}</Show>;
}

function CardBox(props: Props & { shown: ShownCard }) {
  const ctx = useBoard();
  const canvas = props.canvas;
  let article!: HTMLElement;
  // Pointing at a card for a moment makes its editor live, so a click lands in the text.
  // Not at once: cards sliding under a resting pointer while scrolling are not "pointed at".
  const [pointedAt, setPointedAt] = createSignal(false);
  let dwell: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(dwell));
  const card = () => props.shown.card;
  const ref = (): CardRef => ({
    id: card().id,
    authorId: card().authorId,
    draft: props.shown.draft,
  });
  const editable = () => props.shown.draft || ctx.can.editCard(card());
  const dragAt = () => {
    const drag = canvas.drag();
    return drag?.key === props.cardKey ? drag.at : undefined;
  };
  const at = () => dragAt() ?? card().at;
  const top = () => (ctx.layout.layout().byKey.get(props.cardKey)?.top ?? 0) - props.laneTop();
  const left = () => (at() - canvas.originMs) / ctx.viewport.msPerPx();
  const clock = () => formatClock(at(), props.timeZone());
  // Credit the author where the lane is not theirs (the timeline, or a facilitator's note).
  const author = () => {
    const lane = ctx.board.lanes.find((l) => l.id === card().laneId);
    return lane?.participantId === card().authorId ? undefined : props.nameOf(card().authorId);
  };
  const label = () =>
    `${CARD_KIND_LABELS[card().kind]}, ${clock()}${author() ? `, by ${author()}` : ""}` +
    `${props.shown.draft ? ", private draft" : ""}: ${excerpt(card().text) || "empty"}`;

  const remove = () => {
    props.onDelete(ref(), label());
    ctx.actions.deleteCard(ref());
  };
  const moveBy = (minutes: number) => {
    ctx.actions.moveCard(ref(), card().at + minutes * MINUTE);
    queueMicrotask(() => canvas.reveal(props.cardKey));
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape" && e.target !== article) {
      article.focus();
      return;
    }
    if (e.target !== article || e.ctrlKey || e.metaKey || e.altKey) return;
    const step = e.shiftKey ? 15 : 1;
    if (e.key === "ArrowLeft" && editable()) moveBy(-step);
    else if (e.key === "ArrowRight" && editable()) moveBy(step);
    else if ((e.key === "Delete" || e.key === "Backspace") && editable()) remove();
    else if (e.key === "Enter") article.querySelector<HTMLElement>("[contenteditable]")?.focus();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <article
      ref={article}
      class={`card kind-${card().kind}`}
      classList={{
        draft: props.shown.draft,
        selected: ctx.selectedCardId() === card().id,
        dragging: dragAt() !== undefined,
        readonly: !editable(),
      }}
      style={{ left: `${left()}px`, top: `${top()}px` }}
      tabindex="0"
      aria-label={label()}
      data-card-id={card().id}
      onFocusIn={() => ctx.selectCard(card().id)}
      onPointerEnter={() => {
        dwell = setTimeout(() => setPointedAt(true), POINTER_DWELL_MS);
      }}
      onPointerLeave={() => clearTimeout(dwell)}
      onKeyDown={onKeyDown}
    >
      <div
        class="card-head"
        classList={{ draggable: editable() }}
        title={
          editable() ? "Drag sideways to change the time; or focus the card and use ← →" : undefined
        }
        onPointerDown={(e) => {
          if (!editable()) return;
          article.focus({ preventScroll: true });
          startCardDrag(e, e.currentTarget, props.shown, ctx, canvas);
          e.stopPropagation();
        }}
      >
        <KindBadge
          kind={card().kind}
          onChange={editable() ? (kind) => ctx.actions.setKind(ref(), kind) : undefined}
        />
        <time class="card-time" datetime={new Date(at()).toISOString()}>
          {clock()}
        </time>
        <Show when={author()}>
          <span class="card-author">{author()}</span>
        </Show>
        <Show when={dragAt() !== undefined}>
          <span class="drag-time" role="status">
            {clock()}
          </span>
        </Show>
      </div>
      <div class="card-body" onPointerDown={(e) => e.stopPropagation()}>
        <CardText
          doc={(props.shown.draft ? ctx.drafts.doc : undefined) ?? ctx.doc}
          cardId={card().id}
          text={card().text}
          editable={editable()}
          autofocus={canvas.autofocusKey() === props.cardKey}
          urgent={() => pointedAt() || ctx.selectedCardId() === card().id}
          queue={canvas.editors}
        />
      </div>
      <CardFooter shown={props.shown} onDelete={remove} />
    </article>
  );
}
