import { type Accessor, createMemo } from "solid-js";
import type { BoardContextValue } from "../boardContext";
import { CARD_METRICS, cardKey } from "../createBoardLayout";
import { cardsInView, type ViewWindow } from "../layout/cardsInView";
import type { CanvasState } from "./createCanvasState";

// The drawn window reaches this far past the screen, and moves in steps of this size, so
// a pan of a few pixels redraws nothing and cards are ready before they slide in.
const VERTICAL_STEP_PX = 240;

const sameWindow = (a: ViewWindow, b: ViewWindow) =>
  a.top === b.top && a.bottom === b.bottom && a.startMs === b.startMs && a.endMs === b.endMs;

/**
 * The keys of the cards to draw, per lane id: those in or near the view, plus the selected,
 * dragged and just-created cards, so a card being worked on never unmounts (and loses focus)
 * when it scrolls out of view.
 */
export function createVisibleCards(
  ctx: BoardContextValue,
  canvas: CanvasState,
): Accessor<Map<string, string[]>> {
  const window = createMemo<ViewWindow>(
    () => {
      const vp = ctx.viewport;
      const width = vp.widthPx() || 1600;
      const stepMs = (width / 2) * vp.msPerPx();
      const q = Math.floor(vp.startMs() / stepMs);
      const v = Math.floor(canvas.scrollTop() / VERTICAL_STEP_PX);
      return {
        startMs: (q - 1) * stepMs,
        endMs: (q + 4) * stepMs,
        top: (v - 1) * VERTICAL_STEP_PX,
        bottom: (v + 2) * VERTICAL_STEP_PX + canvas.viewHeight(),
      };
    },
    { top: 0, bottom: 0, startMs: 0, endMs: 0 },
    { equals: sameWindow },
  );

  // Only which card is dragged matters here, not where it is on each pointer move.
  const dragKey = createMemo(() => canvas.drag()?.key);

  return createMemo(() => {
    const layout = ctx.layout.layout();
    const rowHeight = CARD_METRICS.heightPx + CARD_METRICS.gapPx;
    const placed = cardsInView(layout, window(), ctx.layout.spanMs(), rowHeight);
    const byLane = new Map<string, string[]>();
    const seen = new Set<string>();
    const add = (laneId: string, key: string) => {
      if (seen.has(key)) return;
      seen.add(key);
      const list = byLane.get(laneId);
      if (list) list.push(key);
      else byLane.set(laneId, [key]);
    };
    for (const card of placed) add(card.laneId, card.key);
    const selected = ctx.selectedCardId();
    const pinned = [dragKey(), canvas.autofocusKey()];
    if (selected) pinned.push(cardKey(selected, false), cardKey(selected, true));
    for (const key of pinned) {
      const card = key ? layout.byKey.get(key) : undefined;
      if (card) add(card.laneId, card.key);
    }
    return byLane;
  });
}
