import { Show } from "solid-js";
import type { MeetingState } from "../../shared/meeting";
import { formatCountdown, formatDuration } from "./formatCountdown";

type Props = {
  state: MeetingState;
  remainingMs: number | undefined;
  /** Once ended: how long the meeting ran, first phase start to end, pauses included. */
  ranMs: number | undefined;
};

/**
 * The phase's clock. Overtime is shown plainly ("+2:13 over") in the same calm style: the
 * facilitator decides when to move on, and a flashing red clock only adds pressure. The time
 * itself is not a live region (role="timer" is silent), so screen readers are not told every
 * second; MeetingAnnouncer reports the changes that matter.
 */
export function PhaseCountdown(props: Props) {
  const planned = () => formatDuration(props.state.durationMs);
  const over = () => (props.remainingMs ?? 0) < 0 && props.state.status !== "lobby";
  const caption = () => {
    switch (props.state.status) {
      case "lobby":
        return "planned for the first phase";
      case "paused":
        return over() ? `beyond the ${planned()} planned · paused` : "left · paused";
      case "ended":
        return props.ranMs === undefined
          ? "the meeting has ended"
          : `the meeting ran ${formatDuration(props.ranMs)}`;
      default:
        return over() ? `beyond the ${planned()} planned` : "left in this phase";
    }
  };
  return (
    <div
      class="meeting-countdown"
      classList={{
        "is-over": over(),
        "is-paused": props.state.status === "paused",
        "is-idle": props.state.status === "lobby" || props.state.status === "ended",
      }}
    >
      <Show
        when={props.state.status !== "ended"}
        fallback={<span class="countdown-time">Ended</span>}
      >
        <span class="countdown-time" role="timer">
          {formatCountdown(props.remainingMs ?? props.state.durationMs)}
        </span>
      </Show>
      <span class="countdown-caption">{caption()}</span>
    </div>
  );
}
