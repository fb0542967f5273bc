// Public API of the meeting layer: scripts, timer maths, prompt scheduling, transitions and the
// meeting room's document model. Pure: the server runs it against its clock, clients against
// their estimate of the server's clock.

export {
  actionSchema,
  EXTEND_LIMITS,
  isValidExtendMs,
  MEETING_ACTIONS,
  type MeetingAction,
  type MeetingActionName,
  type MeetingRequest,
} from "./actions";
export {
  MeetingActionError,
  type MeetingActionErrorCode,
  ScriptError,
  type ScriptProblem,
} from "./errors";
export { applyHistory, type HistoryChange, type HistoryEntry } from "./history";
export {
  appendPrompts,
  applyHistoryChanges,
  grantFacilitator,
  initMeetingDoc,
  type MeetingSnapshot,
  readCardPrompts,
  readDraftCounts,
  readFacilitators,
  readHistory,
  readMeeting,
  readMeetingState,
  readPostedPromptIds,
  readPrompts,
  revokeFacilitator,
  setDraftCount,
  writeMeetingState,
} from "./meetingDoc";
export { duePrompts, type FeedPrompt, nextPromptDueAt, promptId, promptOffsetMs } from "./prompts";
export {
  cardPromptsSchema,
  type Phase,
  PROMPT_MOMENTS,
  type PromptAt,
  type PromptMoment,
  parseScript,
  phaseSchema,
  SCRIPT_LIMITS,
  type Script,
  type ScriptPrompt,
  scriptIdSchema,
  scriptSchema,
  scriptTotalMs,
} from "./script";
export {
  DEFAULT_SCRIPT_ID,
  getScript,
  listScripts,
  SCRIPTS,
  type ScriptSummary,
} from "./scriptRegistry";
export {
  currentPhase,
  initialMeetingState,
  isPhaseOver,
  MEETING_STATUSES,
  type MeetingState,
  type MeetingStatus,
  type MeetingTotals,
  meetingTotals,
  phaseElapsedMs,
  phaseRemainingMs,
} from "./timer";
export { applyMeetingAction, type MeetingTransition } from "./transitions";
