import type { BoardLayout, PlacedCard } from "./stackCards";

/** The part of the board to draw: a vertical pixel range and a time range. */
export type ViewWindow = { top: number; bottom: number; startMs: number; endMs: number };

/** Index of the first card in `row` (sorted by time) at or after `ms`. */
function firstAtOrAfter(row: readonly PlacedCard[], ms: number): number {
  let lo = 0;
  let hi = row.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((row[mid]?.at ?? 0) < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The cards whose box meets the window: a card starts at its time and covers `spanMs` to the
 * right, and is `rowHeight` tall. Cost grows with what is visible, not with the board's size,
 * so a board of thousands of cards draws only the few dozen on screen.
 */
export function cardsInView(
  layout: BoardLayout,
  view: ViewWindow,
  spanMs: number,
  rowHeight: number,
): PlacedCard[] {
  const out: PlacedCard[] = [];
  for (const lane of layout.lanes) {
    if (lane.top + lane.height < view.top || lane.top > view.bottom) continue;
    for (const row of lane.rows) {
      const rowTop = row[0]?.top;
      if (rowTop === undefined || rowTop + rowHeight < view.top || rowTop > view.bottom) continue;
      for (let i = firstAtOrAfter(row, view.startMs - spanMs); i < row.length; i++) {
        const card = row[i];
        if (!card || card.at > view.endMs) break;
        out.push(card);
      }
    }
  }
  return out;
}
