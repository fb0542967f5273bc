import { createEffect, createSignal, on, Show } from "solid-js";
import { useBoard } from "../board/boardContext";
import { steeringChange } from "./steeringChange";

/**
 * Tells people when a facilitator shares the meeting controls with a participant or takes
 * them back: the person concerned, whose controls appear or vanish, and everyone who does not
 * steer, who would otherwise see the meeting steered by someone new without a word. Nothing is
 * said for what was so on arrival; the note stays until dismissed or the next change.
 */
export function SteeringNotice() {
  const ctx = useBoard();
  const [message, setMessage] = createSignal<string>();
  const nameOf = (participantId: string) =>
    ctx.board.lanes.find((lane) => lane.participantId === participantId)?.name;
  createEffect(
    on(
      () => [...ctx.meeting.facilitators],
      (now, before) => {
        if (before === undefined) return;
        // Those who steer hand over in the hand-over panel, which says what they did; the note
        // about others is for everyone else.
        const aboutOthers = !ctx.canSteer();
        const change = steeringChange(before, now, ctx.session.participantId, nameOf, aboutOthers);
        if (change) setMessage(change);
      },
    ),
  );

  return (
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
  );
}
