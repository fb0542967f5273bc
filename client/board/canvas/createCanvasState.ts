import { type Accessor, createSignal, untrack } from "solid-js";
import type { BoardContextValue } from "../boardContext";
import { CARD_METRICS } from "../createBoardLayout";
import { createEditorQueue, type EditorQueue } from "./createEditorQueue";

export type CanvasState = {
  /**
   * Cards sit at `(at - originMs) / msPerPx` inside a per-lane track that is shifted by the
   * viewport's start, so panning moves one transform per lane instead of every card.
   */
  originMs: number;
  scroller: Accessor<HTMLElement | undefined>;
  setScroller(el: HTMLElement): void;
  scrollTop: Accessor<number>;
  viewHeight: Accessor<number>;
  syncScroll(): void;
  /** The card being dragged and where it would land. */
  drag: Accessor<{ key: string; at: number } | undefined>;
  setDrag(value: { key: string; at: number } | undefined): void;
  /** The card just created: its editor takes the focus when it mounts. */
  autofocusKey: Accessor<string | undefined>;
  setAutofocusKey(key: string | undefined): void;
  /** Mounts card editors in idle time. */
  editors: EditorQueue;
  /** Scrolls and pans so the card is on screen. */
  reveal(key: string): void;
};

/** State the canvas's parts share, beyond the board context. */
export function createCanvasState(ctx: BoardContextValue): CanvasState {
  const [scroller, setScroller] = createSignal<HTMLElement>();
  const [scrollTop, setScrollTop] = createSignal(0);
  const [viewHeight, setViewHeight] = createSignal(800);
  const [drag, setDrag] = createSignal<{ key: string; at: number }>();
  const [autofocusKey, setAutofocusKey] = createSignal<string>();

  const syncScroll = () => {
    const el = scroller();
    if (!el) return;
    setScrollTop(el.scrollTop);
    setViewHeight(el.clientHeight);
  };

  const reveal = (key: string) => {
    const placed = ctx.layout.layout().byKey.get(key);
    if (!placed) return;
    const vp = ctx.viewport;
    const x = vp.xAt(placed.at);
    const width = vp.widthPx();
    if (width > 0 && (x < 0 || x + CARD_METRICS.widthPx > width)) {
      vp.set(
        { startMs: placed.at - (width / 2 - CARD_METRICS.widthPx / 2) * vp.msPerPx() },
        "user",
      );
    }
    const el = scroller();
    if (!el) return;
    const bottom = placed.top + CARD_METRICS.heightPx;
    if (placed.top < el.scrollTop) el.scrollTop = placed.top - CARD_METRICS.gapPx;
    else if (bottom > el.scrollTop + el.clientHeight)
      el.scrollTop = bottom - el.clientHeight + CARD_METRICS.gapPx;
    syncScroll();
  };

  return {
    originMs: untrack(ctx.viewport.startMs),
    scroller,
    setScroller,
    scrollTop,
    viewHeight,
    syncScroll,
    drag,
    setDrag,
    autofocusKey,
    setAutofocusKey,
    reveal,
    editors: createEditorQueue(),
  };
}
