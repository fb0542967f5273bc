import { type Accessor, createEffect, createSignal, on } from "solid-js";
import { currentPhase, type MeetingState } from "../../shared/meeting";
import { formatDuration } from "./formatCountdown";

type Props = { state: MeetingState; remainingMs: Accessor<number | undefined> };

/**
 * Tells screen readers, politely, when the meeting changes: started, paused, resumed, a new
 * phase, extra time, the planned time used up, ended. Never the seconds: a clock read aloud
 * every second would drown the conversation. Nothing is said for the state found on arrival.
 */
export function MeetingAnnouncer(props: Props) {
  const [message, setMessage] = createSignal("");
  const phaseLine = (s: MeetingState) =>
    `Phase ${s.phaseIndex + 1} of ${s.phases.length}: ${currentPhase(s).title}, ${formatDuration(s.durationMs)}.`;

  const snapshot = () => ({
    status: props.state.status,
    phaseIndex: props.state.phaseIndex,
    startedAt: props.state.startedAt,
    durationMs: props.state.durationMs,
  });

  createEffect(
    on(
      snapshot,
      (now, before) => {
        if (!before) return;
        const s = props.state;
        if (now.status === "ended" && before.status !== "ended") {
          setMessage("The meeting has ended.");
        } else if (now.phaseIndex !== before.phaseIndex || before.status === "lobby") {
          setMessage(`${before.status === "lobby" ? "Meeting started. " : ""}${phaseLine(s)}`);
        } else if (
          now.status === "running" &&
          now.startedAt !== before.startedAt &&
          before.status === "running"
        ) {
          // Same phase entered again: the facilitator restarted it.
          setMessage(`Phase restarted. ${phaseLine(s)}`);
        } else if (now.status === "paused" && before.status === "running") {
          setMessage("Meeting paused.");
        } else if (now.status === "running" && before.status === "paused") {
          setMessage("Meeting resumed.");
        } else if (now.durationMs > before.durationMs) {
          setMessage(`Phase extended by ${formatDuration(now.durationMs - before.durationMs)}.`);
        }
      },
      { defer: false },
    ),
  );

  // Once per phase run: the planned time is used up (the facilitator decides what happens next).
  const over = () => props.state.status === "running" && (props.remainingMs() ?? 1) < 0;
  createEffect(
    on(over, (isOver, wasOver) => {
      if (isOver && wasOver === false) setMessage("The planned time for this phase is up.");
    }),
  );

  return (
    <p class="visually-hidden" role="status" aria-live="polite">
      {message()}
    </p>
  );
}
