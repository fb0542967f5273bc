import { For } from "solid-js";
import type { MeetingState } from "../../shared/meeting";
import { createDisclosure } from "./createDisclosure";
import { formatDuration } from "./formatCountdown";

type Props = {
  state: MeetingState;
  /** Whether going to a phase is possible now (see ControlButton on why not `disabled`). */
  ok: boolean;
  why?: string;
  onGoto(phaseId: string): void;
};

/** "Go to phase…": every phase of the script; choosing the current one starts it over. */
export function PhaseMenu(props: Props) {
  const menu = createDisclosure();
  return (
    <div class="disclosure" ref={menu.setRoot}>
      <button
        type="button"
        ref={menu.setButton}
        aria-expanded={menu.open()}
        aria-controls={menu.panelId}
        aria-disabled={!props.ok}
        title={props.ok ? undefined : props.why}
        onClick={() => {
          if (props.ok || menu.open()) menu.toggle();
        }}
      >
        Go to phase <span aria-hidden="true">▾</span>
      </button>
      <div class="disclosure-panel" id={menu.panelId} hidden={!menu.open()}>
        <ul class="phase-menu" aria-label="Phases">
          <For each={props.state.phases}>
            {(phase, index) => {
              const current = () => index() === props.state.phaseIndex;
              return (
                <li>
                  <button
                    type="button"
                    class="menu-item"
                    aria-current={current() ? "step" : undefined}
                    onClick={() => {
                      menu.close(true);
                      props.onGoto(phase.id);
                    }}
                  >
                    <span class="menu-item-main">
                      {index() + 1}. {phase.title}
                    </span>
                    <span class="menu-item-meta">
                      {current() ? "now · start over" : formatDuration(phase.durationMs)}
                    </span>
                  </button>
                </li>
              );
            }}
          </For>
        </ul>
      </div>
    </div>
  );
}
