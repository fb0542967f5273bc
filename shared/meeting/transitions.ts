import { EXTEND_LIMITS, EXTEND_MS_MESSAGE, isValidExtendMs, type MeetingAction } from "./actions";
import { MeetingActionError } from "./errors";
import type { HistoryChange } from "./history";
import { type MeetingState, phaseElapsedMs, phaseRemainingMs } from "./timer";

/** The outcome of an action: the next state, and the history changes to record with it. */
export interface MeetingTransition {
  state: MeetingState;
  history: HistoryChange[];
}

function conflict(message: string): never {
  throw new MeetingActionError("conflict", message);
}

// Navigation, extension and end need a meeting that has started and not ended.
function requireUnderway(state: MeetingState, verb: string): void {
  if (state.status === "lobby") conflict(`cannot ${verb}: meeting has not started — use start`);
  if (state.status === "ended") conflict(`cannot ${verb}: meeting has ended`);
}

// Entering a phase always starts it fresh and running, even from paused: moving on is a
// deliberate act, and a paused clock on a phase nobody has seen yet would only confuse.
function enterPhase(state: MeetingState, index: number, now: number): MeetingTransition {
  const phase = state.phases[index];
  if (!phase) throw new RangeError(`enterPhase: no phase at index ${index}`);
  const history: HistoryChange[] = [];
  if (state.status !== "lobby") history.push({ type: "close", endedAt: now });
  history.push({
    type: "open",
    entry: { phaseId: phase.id, plannedMs: phase.durationMs, startedAt: now, endedAt: null },
  });
  return {
    state: {
      ...state,
      phaseIndex: index,
      status: "running",
      startedAt: now,
      durationMs: phase.durationMs,
      remainingMs: null,
    },
    history,
  };
}

function extend(state: MeetingState, ms: number): MeetingTransition {
  if (!isValidExtendMs(ms)) {
    throw new MeetingActionError("invalid-input", `cannot extend: ms ${EXTEND_MS_MESSAGE}`);
  }
  requireUnderway(state, "extend");
  const durationMs = state.durationMs + ms;
  if (durationMs > EXTEND_LIMITS.maxPhaseMs) {
    conflict("cannot extend: a phase can run at most 12 hours");
  }
  // A paused phase keeps its elapsed time, so what is left grows by the extension too. History
  // is untouched: it records the plan, not the plan as amended.
  const remainingMs = state.remainingMs === null ? null : state.remainingMs + ms;
  return { state: { ...state, durationMs, remainingMs }, history: [] };
}

/**
 * Applies a facilitator's action at server time `now` and returns the new state plus the phase
 * history changes, or throws `MeetingActionError` when the action is malformed or not allowed in
 * the current state. Pure: `state` is not modified.
 */
export function applyMeetingAction(
  state: MeetingState,
  action: MeetingAction,
  now: number,
): MeetingTransition {
  switch (action.type) {
    case "start":
      if (state.status !== "lobby") {
        conflict(
          `cannot start: meeting has already ${state.status === "ended" ? "ended" : "started"}`,
        );
      }
      return enterPhase(state, 0, now);
    case "pause":
      if (state.status !== "running") conflict("cannot pause: meeting is not running");
      return {
        state: { ...state, status: "paused", remainingMs: phaseRemainingMs(state, now) },
        history: [],
      };
    case "resume": {
      if (state.status !== "paused") conflict("cannot resume: meeting is not paused");
      // Shift the start so that now − startedAt is the elapsed time frozen at the pause.
      const startedAt = now - phaseElapsedMs(state, now);
      return { state: { ...state, status: "running", startedAt, remainingMs: null }, history: [] };
    }
    case "next":
      requireUnderway(state, "go to the next phase");
      if (state.phaseIndex >= state.phases.length - 1) {
        conflict("no phase after the last one — use end");
      }
      return enterPhase(state, state.phaseIndex + 1, now);
    case "previous":
      requireUnderway(state, "go to the previous phase");
      if (state.phaseIndex <= 0) conflict("no phase before the first one");
      return enterPhase(state, state.phaseIndex - 1, now);
    case "goto": {
      requireUnderway(state, "go to a phase");
      // Going to the current phase restarts it; that is how a facilitator starts a phase over.
      const index = state.phases.findIndex((phase) => phase.id === action.phaseId);
      if (index < 0) {
        throw new MeetingActionError(
          "not-found",
          `cannot go to phase: unknown phase "${action.phaseId}"`,
        );
      }
      return enterPhase(state, index, now);
    }
    case "extend":
      return extend(state, action.ms);
    case "end":
      if (state.status === "ended") conflict("cannot end: meeting has already ended");
      if (state.status === "lobby") conflict("cannot end: meeting has not started");
      return {
        state: { ...state, status: "ended", remainingMs: phaseRemainingMs(state, now) },
        history: [{ type: "close", endedAt: now }],
      };
    default:
      // Reachable from untyped callers only, e.g. "reveal", which the server carries out itself.
      throw new MeetingActionError(
        "invalid-input",
        `unknown meeting action ${JSON.stringify((action as { type?: unknown }).type)}`,
      );
  }
}
