// Public API of the board document model. Everything outside shared/board/ goes through here;
// nothing else knows the Y.Doc layout. The input schemas are exported so an HTTP edge can
// validate bodies with the same rules the commands apply.

export { createBoard, isBoardCreated, updateBoardInfo } from "./boardInfo";
export { addCard, addCards, deleteCard, moveCard, setCardKind, setCardText } from "./cards";
export {
  type AddDraftCardInput,
  addDraftCard,
  addDraftCardInputSchema,
  clearDrafts,
  copyDraftsIntoBoard,
  countDrafts,
  readDraftCards,
} from "./drafts";
export { BoardCommandError, type BoardErrorCode } from "./errors";
export { isValidRank, rankAfter, rankBetween } from "./fractionalIndex";
export {
  ID_PATTERN,
  laneIdForParticipant,
  MAX_PARTICIPANT_ID_LENGTH,
  randomId,
  TIMELINE_LANE_ID,
} from "./ids";
export { addImprovement, deleteImprovement, updateImprovement } from "./improvements";
export { checkInvariants } from "./invariants";
export { addParticipantLane, removeLane, renameLane, setLaneColor } from "./lanes";
export { linkCards, unlinkCards } from "./links";
export { colorForParticipant, LANE_PALETTE, TIMELINE_COLOR } from "./palette";
export {
  compareCards,
  displayLaneId,
  readBoard,
  readCard,
  readCards,
  readImprovements,
  readInfo,
  readLanes,
} from "./readers";
export {
  fragmentToBlocks,
  fragmentToPlainText,
  type JsonValue,
  plainTextToFragment,
  type RichElement,
  type RichMark,
  type RichNode,
  type RichText,
} from "./richText";
export { type BoardRoots, getCardTextFragment, getNotesFragment, getRoots } from "./roots";
export {
  type AddCardInput,
  type AddImprovementInput,
  type AddParticipantLaneInput,
  addCardInputSchema,
  addImprovementInputSchema,
  addParticipantLaneInputSchema,
  type BoardInfo,
  type BoardSnapshot,
  CARD_KINDS,
  type Card,
  type CardKind,
  type CreateBoardInput,
  createBoardInputSchema,
  IMPROVEMENT_STATUSES,
  type Improvement,
  type ImprovementStatus,
  isValidTimeZone,
  LANE_KINDS,
  type Lane,
  type LaneKind,
  LIMITS,
  type MarkNewToMeInput,
  type MoveCardInput,
  markNewToMeInputSchema,
  moveCardInputSchema,
  type UpdateBoardInfoInput,
  type UpdateImprovementInput,
  updateBoardInfoInputSchema,
  updateImprovementInputSchema,
  type VoteInput,
  voteInputSchema,
} from "./schema";
export { markNewToMe, vote } from "./votes";
