import { createEffect, createMemo, createSignal, Show } from "solid-js";
import { currentPhase, type MeetingState } from "../../shared/meeting";
import type { MeetingActionBody } from "../sync/meetingApi";
import { ControlButton } from "./ControlButton";
import type { MeetingCommands } from "./createMeetingCommands";
import { EndMeetingDialog } from "./EndMeetingDialog";
import { meetingActionRules } from "./meetingActionRules";
import { PhaseMenu } from "./PhaseMenu";

type Props = { state: MeetingState; draftTotal: number; commands: MeetingCommands };

const MINUTE = 60_000;

/**
 * Start, pause/resume, previous/next, go to a phase, extra time, reveal and end. Each control is
 * available only when the server would accept it (see meetingActionRules); if the server refuses
 * all the same, say because another facilitator moved first, its reason is shown.
 */
export function FacilitatorControls(props: Props) {
  const rules = createMemo(() => meetingActionRules(props.state, props.draftTotal, MINUTE));
  const rulesFor5 = createMemo(() => meetingActionRules(props.state, props.draftTotal, 5 * MINUTE));
  const [confirmingEnd, setConfirmingEnd] = createSignal(false);
  let endedNote: HTMLParagraphElement | undefined;
  // The controls go once the meeting has ended; focus then moves to the note that says so.
  let focusEndedNote = false;
  createEffect(() => {
    if (props.state.status !== "ended" || !focusEndedNote) return;
    focusEndedNote = false;
    endedNote?.focus();
  });
  const busy = () => props.commands.pending() !== undefined;
  const run = (body: MeetingActionBody) => props.commands.run(body);

  // One button for start, pause and resume, so focus stays on it as its job changes.
  const main = createMemo(() => {
    switch (props.state.status) {
      case "lobby":
        return { label: "Start meeting", icon: "▶", action: "start", primary: true } as const;
      case "paused":
        return { label: "Resume", icon: "▶", action: "resume", primary: true } as const;
      default:
        return { label: "Pause", icon: "❙❙", action: "pause", primary: false } as const;
    }
  });

  return (
    <div class="meeting-controls" aria-busy={busy()}>
      <Show when={props.state.status === "ended"}>
        <p class="hint" ref={endedNote} tabindex="-1">
          The meeting has ended. The board stays open for notes, improvements and the report.
        </p>
      </Show>
      <fieldset class="control-row" hidden={props.state.status === "ended"}>
        <legend class="visually-hidden">Facilitator controls</legend>
        <ControlButton
          class={main().primary ? "primary" : undefined}
          ok={rules()[main().action].ok}
          why={rules()[main().action].why}
          busy={busy()}
          onClick={() => void run({ action: main().action })}
        >
          <span aria-hidden="true">{main().icon}</span> {main().label}
        </ControlButton>
        <span class="control-group">
          <ControlButton
            ok={rules().previous.ok}
            why={rules().previous.why}
            busy={busy()}
            onClick={() => void run({ action: "previous" })}
          >
            <span aria-hidden="true">←</span> Previous
          </ControlButton>
          <ControlButton
            ok={rules().next.ok}
            why={rules().next.why}
            busy={busy()}
            onClick={() => void run({ action: "next" })}
          >
            Next phase <span aria-hidden="true">→</span>
          </ControlButton>
          <PhaseMenu
            state={props.state}
            ok={rules().goto.ok && !busy()}
            why={rules().goto.why}
            onGoto={(phaseId) => void run({ action: "goto", phaseId })}
          />
        </span>
        <span class="control-group">
          <ControlButton
            ok={rules().extend.ok}
            why={rules().extend.why}
            busy={busy()}
            onClick={() => void run({ action: "extend", ms: MINUTE })}
          >
            +1 min
          </ControlButton>
          <ControlButton
            ok={rulesFor5().extend.ok}
            why={rulesFor5().extend.why}
            busy={busy()}
            onClick={() => void run({ action: "extend", ms: 5 * MINUTE })}
          >
            +5 min
          </ControlButton>
        </span>
        <span class="control-group">
          <ControlButton
            ok={rules().reveal.ok}
            why={rules().reveal.why}
            busy={busy()}
            onClick={() => void run({ action: "reveal" })}
          >
            Reveal drafts
          </ControlButton>
          <ControlButton
            class="danger"
            ok={rules().end.ok}
            why={rules().end.why}
            busy={busy()}
            onClick={() => setConfirmingEnd(true)}
          >
            End meeting…
          </ControlButton>
        </span>
      </fieldset>
      <Show when={props.commands.error()}>
        {(message) => (
          <p class="control-error" role="alert">
            <span>{message()}</span>
            <button type="button" class="quiet" onClick={props.commands.clearError}>
              Dismiss
            </button>
          </p>
        )}
      </Show>
      <EndMeetingDialog
        open={confirmingEnd()}
        reveals={currentPhase(props.state).reveal === true && props.draftTotal > 0}
        onCancel={() => setConfirmingEnd(false)}
        onConfirm={() => {
          setConfirmingEnd(false);
          focusEndedNote = true;
          void run({ action: "end" });
        }}
      />
    </div>
  );
}
