import { Show } from "solid-js";
import type { Follow } from "./createFollow";
import type { Presence } from "./createPresence";

/**
 * For everyone who does not steer: follow the facilitator's view, and see plainly when
 * following stopped because you moved the board yourself.
 */
export function FollowToggle(props: { follow: Follow; presence: Presence }) {
  const leaderName = () => props.presence.leader()?.name;
  const status = () => {
    if (props.follow.following()) {
      const name = leaderName();
      return name ? `Following ${name}’s view.` : "Waiting for the facilitator’s view…";
    }
    if (props.follow.stoppedByMove()) return "Stopped following — you moved the board.";
    return "";
  };
  return (
    <div class="follow">
      <button
        type="button"
        class="toggle"
        aria-pressed={props.follow.following()}
        onClick={() => (props.follow.following() ? props.follow.stop() : props.follow.start())}
      >
        <span aria-hidden="true">{props.follow.following() ? "◉" : "○"}</span>{" "}
        <Show
          when={props.follow.stoppedByMove() && !props.follow.following()}
          fallback="Follow the facilitator"
        >
          Follow again
        </Show>
      </button>
      <span class="follow-status" role="status">
        {status()}
      </span>
    </div>
  );
}
