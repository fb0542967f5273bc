import { useBoard } from "../board/boardContext";
import type { Presence } from "./createPresence";

/**
 * A participant's "I'm ready" signal, shown to everyone as a check on their avatar. During
 * private writing it reads "I'm done writing": the facilitator's cue to reveal. It clears
 * itself when the phase changes.
 */
export function ReadyToggle(props: { presence: Presence }) {
  const ctx = useBoard();
  const label = () => (ctx.privateWriting() ? "I’m done writing" : "I’m ready");
  return (
    <button
      type="button"
      class="toggle ready-toggle"
      aria-pressed={props.presence.ready()}
      onClick={() => props.presence.setReady(!props.presence.ready())}
    >
      <span aria-hidden="true">{props.presence.ready() ? "✓" : "○"}</span> {label()}
    </button>
  );
}
