import type * as Y from "yjs";
import { addCard, type CardKind, deleteCard, markNewToMe } from "../../shared/board";
import type { Session } from "../sync/createJoinFlow";
import { canEditCard, canMarkNewToMe, canWriteLane } from "./permissions";

export type BoardActions = ReturnType<typeof createBoardActions>;

/**
 * What a person can do to the board, as commands of the shared model run on the local doc.
 * The provider sends the resulting updates; the store re-renders from the doc.
 */
export function createBoardActions(doc: Y.Doc, session: Session) {
  return {
    /** Add a card; throws the model's error (with a readable message) on invalid input. */
    addCard(input: { laneId: string; at: number; kind: CardKind; text: string }) {
      if (!canWriteLane(session, input.laneId)) throw new Error("You can't write on this lane.");
      addCard(doc, { ...input, authorId: session.participantId });
    },

    deleteCard(card: { id: string; authorId: string }) {
      if (canEditCard(session, card)) deleteCard(doc, card.id);
    },

    setNewToMe(card: { id: string; authorId: string }, value: boolean) {
      if (canMarkNewToMe(session, card)) {
        markNewToMe(doc, { cardId: card.id, participantId: session.participantId, value });
      }
    },
  };
}
