import { EXTEND_LIMITS, type MeetingActionName, type MeetingState } from "../../shared/meeting";

/** Which facilitator actions the server would accept now, and why not when it would refuse. */
export type ActionRules = Record<MeetingActionName, { ok: boolean; why?: string }>;

const yes = { ok: true } as const;
const no = (why: string) => ({ ok: false, why });

/**
 * Mirrors the rules of `applyMeetingAction` (shared/meeting/transitions.ts) so buttons are
 * enabled only when the action is valid. The server stays the authority: if the state moved on
 * meanwhile, it refuses and the bar shows its reason. `draftTotal` is the number of private
 * drafts on the board: a reveal is offered while there is something to reveal, or during a
 * private-writing phase (the server accepts a reveal at any time; it is then a no-op).
 */
export function meetingActionRules(
  state: MeetingState,
  draftTotal: number,
  extendMs = 60_000,
): ActionRules {
  const { status, phaseIndex, phases } = state;
  const underway = status === "running" || status === "paused";
  const notUnderway =
    status === "lobby" ? "The meeting has not started yet." : "The meeting has ended.";
  const last = phaseIndex >= phases.length - 1;
  const privatePhase = phases[phaseIndex]?.private === true;
  return {
    start: status === "lobby" ? yes : no("The meeting has already started."),
    pause: status === "running" ? yes : no("The meeting is not running."),
    resume: status === "paused" ? yes : no("The meeting is not paused."),
    next: !underway
      ? no(notUnderway)
      : last
        ? no("This is the last phase — end the meeting instead.")
        : yes,
    previous: !underway ? no(notUnderway) : phaseIndex <= 0 ? no("This is the first phase.") : yes,
    goto: underway ? yes : no(notUnderway),
    extend: !underway
      ? no(notUnderway)
      : state.durationMs + extendMs > EXTEND_LIMITS.maxPhaseMs
        ? no("A phase can run at most 12 hours.")
        : yes,
    reveal: draftTotal > 0 || (underway && privatePhase) ? yes : no("There are no private drafts."),
    end: underway ? yes : no(notUnderway),
  };
}
