import type { StackItem } from "./stackCards";

type Placeable = { key: string; card: { laneId: string; at: number } };

/**
 * The items to stack for the cards shown: each on its own lane, or, when that lane no longer
 * exists (deleted while the card was being written), on the timeline lane, so no card is ever
 * invisible. The same rule as the model's `displayLaneId`, with a set instead of a scan per card.
 */
export function toStackItems(
  shown: readonly Placeable[],
  laneIds: readonly string[],
  timelineLaneId: string,
): StackItem[] {
  const known = new Set(laneIds);
  return shown.map(({ key, card }) => ({
    key,
    laneId: known.has(card.laneId) ? card.laneId : timelineLaneId,
    at: card.at,
  }));
}
