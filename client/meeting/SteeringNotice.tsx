import { createEffect, createSignal, on, Show } from "solid-js";
import { useBoard } from "../board/boardContext";

const GIVEN =
  "A facilitator shared the meeting controls with you: you can start, pause and move the phases.";
const TAKEN = "The meeting controls were handed back to the facilitator.";

/**
 * Tells a participant when a facilitator shares the meeting controls with them or takes them
 * back: the controls appearing or vanishing without a word would be a surprise mid-meeting.
 * Nothing is said for what was so on arrival; the note stays until dismissed or the next change.
 */
export function SteeringNotice() {
  const ctx = useBoard();
  const [message, setMessage] = createSignal<string>();
  createEffect(
    on(
      () => ctx.canSteer(),
      (steer, before) => {
        if (before === undefined || steer === before) return;
        setMessage(steer ? GIVEN : TAKEN);
      },
    ),
  );

  return (
    <Show when={ctx.session.role === "participant"}>
      <div class="steering-note" role="status">
        <Show when={message()}>
          {(text) => (
            <>
              <span>{text()}</span>
              <button type="button" class="quiet" onClick={() => setMessage(undefined)}>
                Dismiss
              </button>
            </>
          )}
        </Show>
      </div>
    </Show>
  );
}
