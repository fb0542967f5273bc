import { Show } from "solid-js";
import { useBoard } from "../board/boardContext";

/**
 * The meeting bar: current phase, goal, countdown, newest prompt and the feed, progress, and
 * the facilitator's controls. (Placeholder until the meeting UI lands.)
 */
export function MeetingBar() {
  const ctx = useBoard();
  return (
    <section class="meeting-bar" aria-label="Meeting">
      <Show when={ctx.phase()} fallback={<p class="hint">Loading the meeting…</p>}>
        {(phase) => (
          <p>
            <strong>{phase().title}</strong> — {phase().goal}
          </p>
        )}
      </Show>
    </section>
  );
}
