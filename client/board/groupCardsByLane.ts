import { type Card, displayLaneId, type Lane } from "../../shared/board";

/**
 * Cards per lane id, each list in the model's order (incident time, then rank). A card whose
 * lane was deleted concurrently shows on the timeline, as the model prescribes, never nowhere.
 */
export function groupCardsByLane(
  cards: readonly Card[],
  lanes: readonly Pick<Lane, "id">[],
): Map<string, Card[]> {
  const byLane = new Map<string, Card[]>();
  for (const card of cards) {
    const laneId = displayLaneId(card, lanes);
    const list = byLane.get(laneId);
    if (list) list.push(card);
    else byLane.set(laneId, [card]);
  }
  return byLane;
}
