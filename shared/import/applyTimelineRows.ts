import type * as Y from "yjs";
import { addCards, readCard, TIMELINE_LANE_ID } from "../board";
import { importCardId } from "./importCardId";
import type { TimelineRow } from "./timelineRow";

export type ImportResult = {
  /** Cards created. */
  imported: number;
  /** Rows whose card already exists (imported before, or repeated in this import). */
  skipped: number;
  /** Ids of the cards created, in row order. */
  cards: string[];
};

/**
 * Adds each validated row as an `event` card on the timeline lane, in one transaction, skipping
 * rows whose deterministic id (importCardId) is already a card or repeats an earlier row.
 */
export function applyTimelineRows(
  doc: Y.Doc,
  input: { boardId: string; authorId: string; rows: readonly TimelineRow[]; createdAt?: number },
  origin?: unknown,
): ImportResult {
  const createdAt = input.createdAt ?? Date.now();
  const ids = new Set<string>();
  let skipped = 0;
  const cards = [];
  for (const row of input.rows) {
    const id = importCardId(input.boardId, row);
    if (ids.has(id) || readCard(doc, id) !== null) {
      skipped++;
      continue;
    }
    ids.add(id);
    cards.push({
      id,
      laneId: TIMELINE_LANE_ID,
      at: row.at,
      kind: "event" as const,
      text: row.text,
      authorId: input.authorId,
      createdAt,
      source: row.source,
    });
  }
  // One batch command: one transaction, and linear in the number of cards.
  const added = cards.length > 0 ? addCards(doc, cards, origin) : [];
  return { imported: added.length, skipped, cards: added };
}
