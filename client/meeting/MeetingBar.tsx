import { createMemo, Show } from "solid-js";
import { useBoard } from "../board/boardContext";
import { CardQuestions } from "./CardQuestions";
import { createCountdown } from "./createCountdown";
import { createMeetingCommands } from "./createMeetingCommands";
import { FacilitatorControls } from "./FacilitatorControls";
import { FacilitatorHandover } from "./FacilitatorHandover";
import { MeetingAnnouncer } from "./MeetingAnnouncer";
import { PhaseCountdown } from "./PhaseCountdown";
import { PhaseHeading } from "./PhaseHeading";
import { PhaseProgress } from "./PhaseProgress";
import { PrivateWritingNote } from "./PrivateWritingNote";
import { PromptFeed } from "./PromptFeed";
import { SteeringNotice } from "./SteeringNotice";

/**
 * The meeting bar under the board's header: where the meeting is (phase, goal, clock,
 * progress), what to talk about (the newest prompt, the feed behind it), private writing, and
 * for those who steer, the controls, the questions for the selected card and the hand-over.
 */
export function MeetingBar() {
  const ctx = useBoard();
  const remainingMs = createCountdown(() => ctx.meeting.state, ctx.clock);
  const commands = createMeetingCommands(ctx.session);
  const ranMs = createMemo(() => {
    const history = ctx.meeting.history;
    const first = history[0];
    const last = history[history.length - 1];
    return first && last?.endedAt != null ? last.endedAt - first.startedAt : undefined;
  });
  const draftTotal = createMemo(() =>
    Object.values(ctx.meeting.draftCounts).reduce((sum, n) => sum + n, 0),
  );

  return (
    <section class="meeting-bar" aria-label="Meeting">
      <Show when={ctx.meeting.state} fallback={<p class="hint">Loading the meeting…</p>}>
        {(state) => (
          <>
            <div class="meeting-top">
              <PhaseHeading state={state()} />
              <PhaseCountdown state={state()} remainingMs={remainingMs()} ranMs={ranMs()} />
            </div>
            <PhaseProgress
              state={state()}
              history={ctx.meeting.history}
              remainingMs={remainingMs()}
            />
            <PromptFeed />
            <PrivateWritingNote />
            <MeetingAnnouncer state={state()} remainingMs={remainingMs} />
            <SteeringNotice />
            <Show when={ctx.canSteer()}>
              <div class="facilitator-area">
                <div class="facilitator-row">
                  <FacilitatorControls
                    state={state()}
                    draftTotal={draftTotal()}
                    commands={commands}
                  />
                  <FacilitatorHandover commands={commands} />
                </div>
                <CardQuestions />
              </div>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
