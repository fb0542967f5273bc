import type * as Y from "yjs";
import {
  addCard,
  addImprovement,
  BoardCommandError,
  CARD_KINDS,
  deleteCard,
  deleteImprovement,
  laneIdForParticipant,
  linkCards,
  markNewToMe,
  moveCard,
  readBoard,
  renameLane,
  setCardKind,
  setCardText,
  TIMELINE_LANE_ID,
  unlinkCards,
  vote,
} from "../../../shared/board";
import type { Random } from "../../support/random";

/**
 * One random board command from a participant, chosen from what that participant sees
 * locally. A command the model refuses (a card deleted meanwhile, a vote below zero) counts as
 * refused: that is the model doing its job, not a failure.
 */
export function randomBoardCommand(
  rnd: Random,
  doc: Y.Doc,
  participantId: string,
): "ok" | "refused" {
  const board = readBoard(doc);
  const card = rnd.pick(board.cards);
  const other = rnd.pick(board.cards);
  const choice = rnd.int(13);
  try {
    if (choice < 3 || !card) {
      addCard(doc, {
        laneId: rnd.chance(0.5) ? TIMELINE_LANE_ID : laneIdForParticipant(participantId),
        at: rnd.int(3_600_000),
        kind: rnd.pick(CARD_KINDS) ?? "event",
        text: `note ${rnd.int(1000)}`,
        authorId: participantId,
      });
    } else if (choice === 3) moveCard(doc, card.id, { at: rnd.int(3_600_000) });
    else if (choice === 4) setCardKind(doc, card.id, rnd.pick(CARD_KINDS) ?? "event");
    else if (choice === 5) setCardText(doc, card.id, `edited ${rnd.int(1000)}`);
    else if (choice === 6)
      vote(doc, { cardId: card.id, participantId, delta: rnd.chance(0.6) ? 1 : -1 });
    else if (choice === 7)
      markNewToMe(doc, { cardId: card.id, participantId, value: rnd.chance(0.6) });
    else if (choice === 8) deleteCard(doc, card.id);
    else if (choice === 9)
      addImprovement(doc, { title: `improve ${rnd.int(100)}`, cardIds: [card.id] });
    else if (choice === 10) {
      const imp = rnd.pick(board.improvements);
      if (imp) deleteImprovement(doc, imp.id);
    } else if (choice === 11 && other && other.id !== card.id) {
      if (rnd.chance(0.7)) linkCards(doc, card.id, other.id);
      else unlinkCards(doc, card.id, other.id);
    } else renameLane(doc, laneIdForParticipant(participantId), `lane ${rnd.int(100)}`);
    return "ok";
  } catch (error) {
    if (error instanceof BoardCommandError) return "refused";
    throw error;
  }
}
