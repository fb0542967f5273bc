import { type Accessor, createMemo } from "solid-js";
import { type BoardSnapshot, type Card, TIMELINE_LANE_ID } from "../../shared/board";
import { type BoardLayout, stackCards } from "./layout/stackCards";
import { toStackItems } from "./layout/toStackItems";

/**
 * Card geometry in px. Fixed sizes are deliberate: a card never grows while someone types in
 * it, so nothing on the board jumps under other people's eyes. The CSS reads these through
 * custom properties set on the canvas, so there is one source.
 */
export const CARD_METRICS = { widthPx: 212, heightPx: 120, gapPx: 8, lanePaddingPx: 10 } as const;

/** A card as the board shows it: from the board, or one of your private drafts. */
export type ShownCard = { key: string; card: Card; draft: boolean };

export type LaneGeometry = { laneId: string; top: number; height: number };

export type BoardLayoutState = {
  /** Every card shown, board cards first, in the model's order. */
  shown: Accessor<ShownCard[]>;
  byKey: Accessor<Map<string, ShownCard>>;
  layout: Accessor<BoardLayout>;
  laneGeometry: Accessor<LaneGeometry[]>;
  /** Incident time one card covers at the current zoom, gap included. */
  spanMs: Accessor<number>;
};

/** Stable key of a shown card: a draft and the board card it becomes on reveal share an id. */
export const cardKey = (id: string, draft: boolean) => (draft ? `d:${id}` : `b:${id}`);

/**
 * Where every card sits, as memos: recomputed when cards are added, removed or moved, lanes
 * change, or the zoom changes, but not when someone types (text is not read here).
 */
export function createBoardLayout(input: {
  board: BoardSnapshot;
  drafts: Accessor<Card[]>;
  msPerPx: Accessor<number>;
}): BoardLayoutState {
  const shown = createMemo(() => {
    const list: ShownCard[] = input.board.cards.map((card) => ({
      key: cardKey(card.id, false),
      card,
      draft: false,
    }));
    for (const card of input.drafts())
      list.push({ key: cardKey(card.id, true), card, draft: true });
    return list;
  });
  const byKey = createMemo(() => new Map(shown().map((s) => [s.key, s])));
  const spanMs = () => (CARD_METRICS.widthPx + CARD_METRICS.gapPx) * input.msPerPx();

  const layout = createMemo(() => {
    const laneIds = input.board.lanes.map((lane) => lane.id);
    return stackCards(laneIds, toStackItems(shown(), laneIds, TIMELINE_LANE_ID), {
      spanMs: spanMs(),
      rowHeight: CARD_METRICS.heightPx + CARD_METRICS.gapPx,
      lanePadding: CARD_METRICS.lanePaddingPx,
    });
  });
  const laneGeometry = createMemo(() =>
    layout().lanes.map(({ laneId, top, height }) => ({ laneId, top, height })),
  );
  return { shown, byKey, layout, laneGeometry, spanMs };
}
