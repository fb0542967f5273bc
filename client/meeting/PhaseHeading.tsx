import type { MeetingState, MeetingStatus } from "../../shared/meeting";
import { currentPhase, meetingTotals } from "../../shared/meeting";

// A symbol and a word for each status, so the state never rests on colour alone.
const STATUS: Record<MeetingStatus, { icon: string; label: string }> = {
  lobby: { icon: "○", label: "Not started" },
  running: { icon: "▶", label: "Running" },
  paused: { icon: "❙❙", label: "Paused" },
  ended: { icon: "■", label: "Ended" },
};

/** "Phase 3 of 6 · Running", then the phase's title and its goal. */
export function PhaseHeading(props: { state: MeetingState }) {
  const phase = () => currentPhase(props.state);
  const totals = () => meetingTotals(props.state);
  const status = () => STATUS[props.state.status];
  return (
    <div class="meeting-heading">
      <p class="meeting-eyebrow">
        <span class="meeting-phase-count">
          Phase {totals().phaseNumber} of {totals().phaseCount}
        </span>
        <span class={`meeting-status meeting-status-${props.state.status}`}>
          <span aria-hidden="true">{status().icon}</span> {status().label}
        </span>
      </p>
      <h2 class="meeting-title">{phase().title}</h2>
      <p class="meeting-goal">{phase().goal}</p>
    </div>
  );
}
