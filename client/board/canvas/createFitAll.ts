import type { BoardContextValue } from "../boardContext";
import { CARD_METRICS } from "../createBoardLayout";
import { fitView, rangeOf, type TimeRange } from "../layout/fitView";
import { type ViewportSource, ZOOM_LIMITS } from "../viewport";

const HOUR = 3_600_000;
// Breathing space left of the first card.
const MARGIN_PX = 32;

/** The incident window from the board info: start to end, or the first hour after the start. */
function incidentRange(ctx: BoardContextValue): TimeRange | undefined {
  const start = Date.parse(ctx.board.info.incidentStart ?? "");
  if (Number.isNaN(start)) return undefined;
  const end = Date.parse(ctx.board.info.incidentEnd ?? "");
  return { startMs: start, endMs: Number.isNaN(end) ? start + HOUR : end };
}

/** "Fit all": shows every card, or the incident window on a board without cards. */
export function createFitAll(ctx: BoardContextValue) {
  return (source: ViewportSource) => {
    const vp = ctx.viewport;
    if (vp.widthPx() <= 0) return;
    const now = Date.now();
    const range = rangeOf(ctx.layout.shown().map((s) => s.card.at)) ??
      incidentRange(ctx) ?? { startMs: now - HOUR / 2, endMs: now + HOUR / 2 };
    const view = fitView(range, {
      widthPx: vp.widthPx(),
      leadingPx: MARGIN_PX,
      trailingPx: CARD_METRICS.widthPx + MARGIN_PX,
      minMsPerPx: ZOOM_LIMITS.minMsPerPx,
      maxMsPerPx: ZOOM_LIMITS.maxMsPerPx,
      defaultMsPerPx: HOUR / 600,
    });
    vp.set(view, source);
  };
}
