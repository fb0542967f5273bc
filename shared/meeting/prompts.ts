import type { PromptAt } from "./script";
import { currentPhase, type MeetingState } from "./timer";

/** A prompt as posted into the meeting's feed. */
export interface FeedPrompt {
  /** `${phaseId}:${promptIndex}`: stable, so a prompt is never posted twice. */
  id: string;
  phaseId: string;
  /** Server time it fell due. */
  at: number;
  text: string;
}

const TWO_MINUTES = 120_000;

/** Offset of a prompt into a phase of `durationMs`; numbers are clamped into the phase. */
export function promptOffsetMs(at: PromptAt, durationMs: number): number {
  switch (at) {
    case "start":
      return 0;
    case "half":
      return Math.floor(durationMs / 2);
    case "last-2min":
      return Math.max(0, durationMs - TWO_MINUTES);
    case "end":
      return durationMs;
    default:
      return Math.min(Math.max(0, at), durationMs);
  }
}

/** The stable feed id of prompt `promptIndex` of phase `phaseId`. */
export function promptId(phaseId: string, promptIndex: number): string {
  return `${phaseId}:${promptIndex}`;
}

interface ScheduledPrompt {
  id: string;
  offsetMs: number;
  text: string;
}

// The current phase's prompts not yet posted, in the order they fall due. Offsets follow the
// current durationMs, so an extension moves "half", "last-2min" and "end" later.
function unpostedPrompts(state: MeetingState, postedIds: ReadonlySet<string>): ScheduledPrompt[] {
  const phase = currentPhase(state);
  return phase.prompts
    .map((prompt, index) => ({
      id: promptId(phase.id, index),
      offsetMs: promptOffsetMs(prompt.at, state.durationMs),
      text: prompt.text,
      index,
    }))
    .filter((prompt) => !postedIds.has(prompt.id))
    .sort((a, b) => a.offsetMs - b.offsetMs || a.index - b.index)
    .map(({ id, offsetMs, text }) => ({ id, offsetMs, text }));
}

/**
 * Prompts of the current phase due at server time `now` and not in `postedIds`, in due order.
 * Only a running meeting posts: while paused nothing falls due, and after resume prompts come due
 * by elapsed phase time. Prompts of phases skipped over are never due, and a revisited phase does
 * not repost what it posted before, because ids are stable.
 */
export function duePrompts(
  state: MeetingState,
  now: number,
  postedIds: ReadonlySet<string>,
): FeedPrompt[] {
  if (state.status !== "running" || state.startedAt === null) return [];
  const { startedAt } = state;
  const elapsed = Math.max(0, now - startedAt);
  const phaseId = currentPhase(state).id;
  return unpostedPrompts(state, postedIds)
    .filter((prompt) => prompt.offsetMs <= elapsed)
    .map((prompt) => ({
      id: prompt.id,
      phaseId,
      at: startedAt + prompt.offsetMs,
      text: prompt.text,
    }));
}

/**
 * Server time at which the next not-yet-posted prompt of the current phase falls due, for the
 * server's timer; `now` when one is due already (so the delay is never negative). Null when the
 * meeting is not running or the phase has no prompts left.
 */
export function nextPromptDueAt(
  state: MeetingState,
  now: number,
  postedIds: ReadonlySet<string>,
): number | null {
  if (state.status !== "running" || state.startedAt === null) return null;
  const next = unpostedPrompts(state, postedIds)[0];
  return next ? Math.max(now, state.startedAt + next.offsetMs) : null;
}
