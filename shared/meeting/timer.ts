import type { Phase, Script } from "./script";

export const MEETING_STATUSES = ["lobby", "running", "paused", "ended"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/**
 * The meeting's timer as data. All times are the server's epoch ms; clients correct for their
 * clock offset. Nothing ticks: elapsed time is derived from `startedAt` and the reader's `now`,
 * which is also what lets a restarted server carry on from the stored state.
 */
export interface MeetingState {
  scriptId: string;
  phases: Phase[];
  phaseIndex: number;
  status: MeetingStatus;
  /**
   * While running: when the current phase would have started had it never been paused, so that
   * elapsed = now − startedAt. Null in the lobby. Kept but ignored while paused or ended.
   */
  startedAt: number | null;
  /** The current phase's duration including extensions. */
  durationMs: number;
  /** While paused or ended: what was left of the phase then (negative in overtime). Else null. */
  remainingMs: number | null;
}

/** Planned and extended time of the whole meeting, for progress displays. */
export interface MeetingTotals {
  phaseCount: number;
  /** 1-based number of the current phase. */
  phaseNumber: number;
  /** Sum of the script's planned phase durations. */
  plannedMs: number;
  /** Time `extend` added to the current phase. */
  extendedMs: number;
  /** Planned time of the phases after the current one (0 once ended). */
  laterPhasesMs: number;
}

/** The lobby state of a meeting about to run `script`: phase 0, not started. */
export function initialMeetingState(script: Pick<Script, "id" | "phases">): MeetingState {
  const first = script.phases[0];
  if (!first) throw new RangeError("initialMeetingState: a script needs at least one phase");
  return {
    scriptId: script.id,
    phases: script.phases,
    phaseIndex: 0,
    status: "lobby",
    startedAt: null,
    durationMs: first.durationMs,
    remainingMs: null,
  };
}

/** The phase the meeting is in (the first one in the lobby, the last one run once ended). */
export function currentPhase(state: MeetingState): Phase {
  const phase = state.phases[state.phaseIndex];
  if (!phase) {
    throw new RangeError(`currentPhase: phaseIndex ${state.phaseIndex} is outside the script`);
  }
  return phase;
}

/**
 * Time spent in the current phase at server time `now`, pauses excluded: 0 in the lobby, frozen
 * while paused or ended. Never negative, so a server clock stepping back cannot run it backwards.
 */
export function phaseElapsedMs(state: MeetingState, now: number): number {
  switch (state.status) {
    case "lobby":
      return 0;
    case "running":
      return Math.max(0, now - (state.startedAt ?? now));
    case "paused":
    case "ended":
      return Math.max(0, state.durationMs - (state.remainingMs ?? state.durationMs));
  }
}

/**
 * Time left in the current phase at `now`. Goes negative once the phase runs over: the server
 * never advances on its own, the facilitator decides, and the display shows the overtime.
 */
export function phaseRemainingMs(state: MeetingState, now: number): number {
  return state.durationMs - phaseElapsedMs(state, now);
}

/** True once the current phase's time (extensions included) is used up, and always once ended. */
export function isPhaseOver(state: MeetingState, now: number): boolean {
  if (state.status === "lobby") return false;
  return state.status === "ended" || phaseRemainingMs(state, now) <= 0;
}

/** Planned time, extension and time still planned after the current phase. */
export function meetingTotals(state: MeetingState): MeetingTotals {
  const planned = state.phases.map((phase) => phase.durationMs);
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  return {
    phaseCount: state.phases.length,
    phaseNumber: state.phaseIndex + 1,
    plannedMs: sum(planned),
    extendedMs: Math.max(0, state.durationMs - (planned[state.phaseIndex] ?? state.durationMs)),
    laterPhasesMs: state.status === "ended" ? 0 : sum(planned.slice(state.phaseIndex + 1)),
  };
}
