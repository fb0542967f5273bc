import {
  createEffect,
  createMemo,
  createSignal,
  createUniqueId,
  For,
  onCleanup,
  onMount,
  Show,
} from "solid-js";
import { PresenceCursors } from "../../presence/PresenceCursors";
import { safeTimeZone } from "../../time/zonedTime";
import { useBoard } from "../boardContext";
import type { CardRef } from "../createBoardActions";
import { CARD_METRICS } from "../createBoardLayout";
import { snapToMinute } from "../layout/timeTicks";
import { CanvasToolbar } from "./CanvasToolbar";
import { createBoardKeys } from "./createBoardKeys";
import { createCanvasState } from "./createCanvasState";
import { createCardCreation } from "./createCardCreation";
import { createFitAll } from "./createFitAll";
import { createPanZoom } from "./createPanZoom";
import { createTicks } from "./createTicks";
import { createVisibleCards } from "./createVisibleCards";
import { DeletedNotice } from "./DeletedNotice";
import { GridLines } from "./GridLines";
import { LaneBand } from "./LaneBand";
import { TimeAxis } from "./TimeAxis";
import { formatDay } from "./timeFormat";

const ZOOM_STEP = 1.5;
const NO_KEYS: string[] = [];
// How long "Deleted — Undo" stays; undo itself stays available in the toolbar.
const NOTICE_MS = 8_000;

/** The board canvas: toolbar, time axis, and the lanes with their cards, panned and zoomed. */
export function BoardCanvas() {
  const ctx = useBoard();
  const vp = ctx.viewport;
  const canvas = createCanvasState(ctx);
  const hintId = createUniqueId();
  const timeZone = createMemo(() => safeTimeZone(ctx.board.info.timezone));
  const { step, ticks } = createTicks(vp, timeZone);
  const visible = createVisibleCards(ctx, canvas);
  const bands = createMemo(() => new Map(ctx.layout.layout().lanes.map((b) => [b.laneId, b])));
  const names = createMemo(() => {
    const byParticipant = new Map<string, string>();
    for (const lane of ctx.board.lanes) {
      if (lane.participantId) byParticipant.set(lane.participantId, lane.name);
    }
    return byParticipant;
  });
  const nameOf = (id: string) => (id === ctx.session.participantId ? "you" : names().get(id));
  const fitAll = createFitAll(ctx);
  const creation = createCardCreation(ctx, canvas);
  const zoom = (factor: number) => vp.zoomBy(factor, vp.widthPx() / 2, "user");

  const [deleted, setDeleted] = createSignal<string>();
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;
  const onDelete = (_card: CardRef, label: string) => {
    setDeleted(label);
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => setDeleted(undefined), NOTICE_MS);
    scroller.focus({ preventScroll: true });
  };
  onCleanup(() => clearTimeout(noticeTimer));

  createBoardKeys({
    newCard: creation.newCard,
    zoomIn: () => zoom(1 / ZOOM_STEP),
    zoomOut: () => zoom(ZOOM_STEP),
    fitAll: () => fitAll("user"),
    undo: () => ctx.undo.undo(),
    redo: () => ctx.undo.redo(),
  });

  let root!: HTMLDivElement;
  let scroller!: HTMLElement;
  let content!: HTMLDivElement;
  onMount(() => {
    ctx.setContentElement(content);
    canvas.setScroller(scroller);
    createPanZoom(ctx, canvas, root, scroller);
    const observer = new ResizeObserver(() => {
      vp.setWidthPx(content.clientWidth);
      canvas.syncScroll();
    });
    observer.observe(content);
    observer.observe(scroller);
    onCleanup(() => observer.disconnect());
  });
  onCleanup(() => ctx.setContentElement(undefined));

  // Open on the whole story: fit once, when the board and the canvas size are first known.
  let fitted = false;
  createEffect(() => {
    if (fitted || ctx.board.lanes.length === 0 || vp.widthPx() <= 0) return;
    fitted = true;
    if (!vp.following()) fitAll("fit");
  });

  const onDblClick = (e: MouseEvent) => {
    if (!(e.target instanceof Element) || e.target.closest(".card, .lane-label, button")) return;
    const rect = content.getBoundingClientRect();
    const x = e.clientX - rect.left;
    const y = e.clientY - rect.top;
    const band = ctx.layout.layout().lanes.find((b) => y >= b.top && y < b.top + b.height);
    if (band && x >= 0) creation.createAt(band.laneId, snapToMinute(vp.timeAt(x)));
  };
  const onScrollerKey = (e: KeyboardEvent) => {
    if (e.target !== scroller || e.ctrlKey || e.metaKey || e.altKey) return;
    const stepPx = e.shiftKey ? vp.widthPx() * 0.8 : 120;
    if (e.key === "ArrowLeft") vp.panBy(-stepPx, "user");
    else if (e.key === "ArrowRight") vp.panBy(stepPx, "user");
    else return;
    e.preventDefault();
  };

  return (
    <div
      ref={root}
      class="canvas"
      style={{
        "--card-w": `${CARD_METRICS.widthPx}px`,
        "--card-h": `${CARD_METRICS.heightPx}px`,
      }}
    >
      <CanvasToolbar
        onNewCard={creation.canCreate() ? creation.newCard : undefined}
        onZoomIn={() => zoom(1 / ZOOM_STEP)}
        onZoomOut={() => zoom(ZOOM_STEP)}
        onFitAll={() => fitAll("user")}
        scale={formatStep(step())}
      />
      <div class="axis-row">
        <div class="axis-corner">
          <span class="axis-day">{formatDay(vp.startMs(), timeZone())}</span>
          <span class="axis-zone">{timeZone()}</span>
        </div>
        <TimeAxis ticks={ticks} timeZone={timeZone} />
      </div>
      <p id={hintId} class="visually-hidden">
        Double-click a lane to add a card at that time, or press N. Drag empty space, or use the
        arrow keys here, to move through time; plus and minus zoom.
      </p>
      <section
        ref={scroller}
        class="lanes-scroller"
        aria-label="Lanes"
        aria-describedby={hintId}
        tabindex="0"
        onDblClick={onDblClick}
        onKeyDown={onScrollerKey}
        onClick={(e) => {
          if (e.target instanceof Element && !e.target.closest(".card")) ctx.selectCard(undefined);
        }}
      >
        <div class="lanes-inner" style={{ height: `${ctx.layout.layout().height}px` }}>
          <div class="lanes-content" ref={content}>
            <GridLines ticks={ticks} />
            <For each={ctx.board.lanes}>
              {(lane, index) => (
                <LaneBand
                  lane={lane}
                  alt={index() % 2 === 1}
                  band={() => bands().get(lane.id)}
                  cardKeys={() => visible().get(lane.id) ?? NO_KEYS}
                  canvas={canvas}
                  timeZone={timeZone}
                  nameOf={nameOf}
                  onDelete={onDelete}
                />
              )}
            </For>
            <PresenceCursors />
          </div>
        </div>
        <Show when={ctx.board.lanes.length === 0}>
          <p class="canvas-empty hint">
            {ctx.status() === "synced" ? "This board has no lanes yet." : "Loading the board…"}
          </p>
        </Show>
      </section>
      <DeletedNotice
        label={deleted}
        onUndo={() => {
          ctx.undo.undo();
          setDeleted(undefined);
        }}
        onClose={() => setDeleted(undefined)}
      />
    </div>
  );
}

/** "10 min", "2 h", "1 day": the grid step in words. */
function formatStep(ms: number): string {
  if (ms < 3_600_000) return `${ms / 60_000} min`;
  if (ms < 86_400_000) return `${ms / 3_600_000} h`;
  const days = ms / 86_400_000;
  return days === 1 ? "1 day" : `${days} days`;
}
