/** One card to place: a stable key, the lane it shows in, and its incident time. */
export type StackItem = { key: string; laneId: string; at: number };

/** A placed card: its sub-row within the lane and its top within the lanes' content. */
export type PlacedCard = StackItem & { row: number; top: number };

/** A lane's band: its top and height within the lanes' content, and its sub-rows. */
export type LaneBand = {
  laneId: string;
  top: number;
  height: number;
  /** Each sub-row's cards, in time order. */
  rows: PlacedCard[][];
};

export type BoardLayout = {
  lanes: LaneBand[];
  byKey: Map<string, PlacedCard>;
  /** Height of all lanes together. */
  height: number;
};

export type StackMetrics = {
  /** How much incident time one card covers at the current zoom (its width plus a gap). */
  spanMs: number;
  /** Vertical pitch of one sub-row (card height plus gap). */
  rowHeight: number;
  /** Space above the first and below the last sub-row of a lane. */
  lanePadding: number;
};

/**
 * Lays cards out in their lanes: each card sits at its time, and a card that would overlap an
 * earlier one moves down to the first sub-row where it fits, so no card hides another. Taking
 * cards in time order and filling the first free row uses as few rows as the overlaps allow
 * (interval partitioning). Lanes stack in the order given, each at least one row high; items
 * on a lane not listed are left out (the caller decides where orphans show).
 */
export function stackCards(
  laneIds: readonly string[],
  items: readonly StackItem[],
  metrics: StackMetrics,
): BoardLayout {
  const perLane = new Map<string, StackItem[]>();
  for (const id of laneIds) perLane.set(id, []);
  for (const item of items) perLane.get(item.laneId)?.push(item);

  const byKey = new Map<string, PlacedCard>();
  const lanes: LaneBand[] = [];
  let top = 0;
  for (const laneId of laneIds) {
    const laneItems = perLane.get(laneId) ?? [];
    // Stable: cards at the same time keep the caller's order (the model's rank order).
    laneItems.sort((a, b) => a.at - b.at);
    const rows: PlacedCard[][] = [];
    const rowEnds: number[] = [];
    for (const item of laneItems) {
      let row = rowEnds.findIndex((end) => end <= item.at);
      if (row < 0) {
        row = rows.length;
        rows.push([]);
      }
      rowEnds[row] = item.at + metrics.spanMs;
      const placed = {
        ...item,
        row,
        top: top + metrics.lanePadding + row * metrics.rowHeight,
      };
      rows[row]?.push(placed);
      byKey.set(item.key, placed);
    }
    const height = Math.max(1, rows.length) * metrics.rowHeight + 2 * metrics.lanePadding;
    lanes.push({ laneId, top, height, rows });
    top += height;
  }
  return { lanes, byKey, height: top };
}
