import { For } from "solid-js";
import type { HistoryEntry, MeetingState, Phase } from "../../shared/meeting";
import { formatDuration } from "./formatCountdown";

type Props = {
  state: MeetingState;
  history: HistoryEntry[];
  remainingMs: number | undefined;
};

type Step = "done" | "current" | "upcoming";

/**
 * The script as a bar of segments, each as wide as its planned time: done, current (filled as
 * far as its time has gone) and still to come. Each segment carries its name, plan and, once
 * run, the time it took, as text for screen readers and as a tooltip.
 */
export function PhaseProgress(props: Props) {
  const step = (index: number): Step => {
    if (props.state.status === "lobby") return "upcoming";
    if (index < props.state.phaseIndex) return "done";
    if (index === props.state.phaseIndex)
      return props.state.status === "ended" ? "done" : "current";
    return "upcoming";
  };
  const fill = (index: number) => {
    const s = step(index);
    if (s === "done") return 1;
    if (s === "upcoming" || props.remainingMs === undefined) return 0;
    const elapsed = props.state.durationMs - props.remainingMs;
    return Math.min(1, Math.max(0, elapsed / props.state.durationMs));
  };
  const describe = (phase: Phase, index: number) => {
    // Phases can be revisited ("previous"), so the latest run counts.
    const run = props.history.findLast((entry) => entry.phaseId === phase.id);
    const took =
      run?.endedAt != null && step(index) === "done"
        ? `, took ${formatDuration(run.endedAt - run.startedAt)}`
        : "";
    const where = { done: "done", current: "now", upcoming: "to come" }[step(index)];
    return `${index + 1}. ${phase.title}: ${formatDuration(phase.durationMs)} planned${took} (${where})`;
  };

  return (
    <ol class="phase-progress" aria-label="Meeting phases">
      <For each={props.state.phases}>
        {(phase, index) => (
          <li
            class={`phase-segment is-${step(index())}`}
            style={{ "flex-grow": phase.durationMs }}
            title={describe(phase, index())}
            aria-current={step(index()) === "current" ? "step" : undefined}
          >
            <span class="phase-segment-fill" style={{ width: `${fill(index()) * 100}%` }} />
            <span class="visually-hidden">{describe(phase, index())}</span>
          </li>
        )}
      </For>
    </ol>
  );
}
