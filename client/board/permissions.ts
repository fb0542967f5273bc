import { laneIdForParticipant, TIMELINE_LANE_ID } from "../../shared/board";
import type { Role } from "../sync/apiSchemas";

// What the UI offers to whom. The server enforces read-only for observers; the finer rules
// (participants write on the shared timeline and their own lane only) are the meeting's
// etiquette, so here they shape the UI rather than guard the data.

/** `steer`: a participant the facilitator role was granted to, who may then edit anything. */
type Who = { role: Role; participantId: string; steer?: boolean };

const steers = (who: Who) =>
  who.role === "facilitator" || (who.steer === true && who.role !== "observer");

/** May this person add cards to the lane? */
export function canWriteLane(who: Who, laneId: string): boolean {
  if (steers(who)) return true;
  if (who.role === "observer") return false;
  return laneId === TIMELINE_LANE_ID || laneId === laneIdForParticipant(who.participantId);
}

/** May this person edit, move and delete the card? Participants own what they wrote. */
export function canEditCard(who: Who, card: { authorId: string }): boolean {
  if (steers(who)) return true;
  if (who.role === "observer") return false;
  return card.authorId === who.participantId;
}

/** May this person mark the card as new to them? Not their own cards; observers only watch. */
export function canMarkNewToMe(who: Who, card: { authorId: string }): boolean {
  return who.role !== "observer" && card.authorId !== who.participantId;
}

/** May this person vote (when a phase votes)? Everyone at the table; observers only watch. */
export function canVote(who: Who): boolean {
  return who.role !== "observer";
}
