import type { Accessor } from "solid-js";
import type * as Y from "yjs";
import {
  addCard,
  addDraftCard,
  type CardKind,
  deleteCard,
  laneIdForParticipant,
  markNewToMe,
  moveCard,
  setCardKind,
  TIMELINE_LANE_ID,
  vote,
} from "../../shared/board";
import type { Session } from "../sync/createJoinFlow";
import { canEditCard, canMarkNewToMe, canVote, canWriteLane } from "./permissions";

export type BoardActions = ReturnType<typeof createBoardActions>;

/** A card an action applies to; `draft` cards live in the participant's drafts document. */
export type CardRef = { id: string; authorId: string; draft?: boolean };

type Options = {
  doc: Y.Doc;
  draftsDoc: Y.Doc | undefined;
  session: Session;
  canSteer: Accessor<boolean>;
  privateWriting: Accessor<boolean>;
  /**
   * Transaction origin of every change made here: this person's undo manager tracks exactly
   * this origin, so undo never reverts someone else's edit (or the editor's typing).
   */
  origin: object;
};

/**
 * What a person can do to the board, as commands of the shared model run on the local doc.
 * The provider sends the resulting updates; the store re-renders from the doc. Actions a
 * person may not take are ignored (the UI does not offer them in the first place).
 */
export function createBoardActions(options: Options) {
  const { doc, draftsDoc, session, origin } = options;
  const who = () => ({
    role: session.role,
    participantId: session.participantId,
    steer: options.canSteer(),
  });
  const docOf = (card: CardRef) => (card.draft ? draftsDoc : doc);
  const ownLane = laneIdForParticipant(session.participantId);

  return {
    /** Add a card; throws the model's error (with a readable message) on invalid input. */
    addCard(input: { laneId: string; at: number; kind: CardKind; text: string }): string {
      if (!canWriteLane(who(), input.laneId)) throw new Error("You can't write on this lane.");
      return addCard(doc, { ...input, authorId: session.participantId }, origin);
    },

    /**
     * A new empty card on a lane at a time, of the lane's usual kind. On your own lane during a
     * private-writing phase it is a draft only you see. Undefined when you may not write there.
     */
    createCard(laneId: string, at: number): CardRef | undefined {
      if (!canWriteLane(who(), laneId)) return undefined;
      const kind: CardKind = laneId === TIMELINE_LANE_ID ? "event" : "observation";
      const authorId = session.participantId;
      if (draftsDoc && options.privateWriting() && laneId === ownLane) {
        return {
          id: addDraftCard(draftsDoc, { at, kind, authorId }, origin),
          authorId,
          draft: true,
        };
      }
      return { id: addCard(doc, { laneId, at, kind, authorId }, origin), authorId };
    },

    deleteCard(card: CardRef) {
      const target = docOf(card);
      if (target && canEditCard(who(), card)) deleteCard(target, card.id, origin);
    },

    moveCard(card: CardRef, at: number) {
      const target = docOf(card);
      if (target && canEditCard(who(), card)) moveCard(target, card.id, { at }, origin);
    },

    setKind(card: CardRef, kind: CardKind) {
      const target = docOf(card);
      if (target && canEditCard(who(), card)) setCardKind(target, card.id, kind, origin);
    },

    setNewToMe(card: CardRef, value: boolean) {
      if (!card.draft && canMarkNewToMe(who(), card)) {
        markNewToMe(doc, { cardId: card.id, participantId: session.participantId, value }, origin);
      }
    },

    vote(card: CardRef, delta: number) {
      if (!card.draft && canVote(who())) {
        vote(doc, { cardId: card.id, participantId: session.participantId, delta }, origin);
      }
    },
  };
}
