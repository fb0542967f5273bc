import * as Y from "yjs";
import { requireCard } from "./cards";
import { parseInput } from "./errors";
import { mapField } from "./fields";
import { CARD_KEY } from "./keys";
import {
  LIMITS,
  type MarkNewToMeInput,
  markNewToMeInputSchema,
  type VoteInput,
  voteInputSchema,
} from "./schema";

// Cards created by this module always carry these maps; a card written by a foreign client may
// not, and then the first vote or mark creates it.
function nestedMap(card: Y.Map<unknown>, key: string): Y.Map<unknown> {
  return mapField(card, key) ?? card.set(key, new Y.Map<unknown>());
}

/**
 * Adds `delta` (may be negative) to a participant's votes on a card, clamped to
 * 0..LIMITS.votesPerParticipant, and returns the new count. A count of 0 removes the entry.
 */
export function vote(doc: Y.Doc, input: VoteInput, origin?: unknown): number {
  const { cardId, participantId, delta } = parseInput("vote", voteInputSchema, input);
  let next = 0;
  doc.transact(() => {
    const votes = nestedMap(requireCard("vote", doc, cardId), CARD_KEY.votes);
    const stored = votes.get(participantId);
    const current = Number.isInteger(stored) ? (stored as number) : 0;
    next = Math.min(LIMITS.votesPerParticipant, Math.max(0, current + delta));
    if (next === 0) votes.delete(participantId);
    else votes.set(participantId, next);
  }, origin);
  return next;
}

/** Marks (value true) or unmarks (false, deletes the entry) a card as new to a participant. */
export function markNewToMe(doc: Y.Doc, input: MarkNewToMeInput, origin?: unknown): void {
  const { cardId, participantId, value } = parseInput("markNewToMe", markNewToMeInputSchema, input);
  doc.transact(() => {
    const marks = nestedMap(requireCard("markNewToMe", doc, cardId), CARD_KEY.newToMe);
    if (value) marks.set(participantId, true);
    else marks.delete(participantId);
  }, origin);
}
