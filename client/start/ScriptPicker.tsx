import { For, Match, Switch } from "solid-js";
import type { ScriptChoice } from "../sync/boardsApi";

type Props = {
  /** undefined while loading; empty when the list could not be fetched. */
  scripts: ScriptChoice[] | undefined;
  value: string | undefined;
  onChange: (id: string) => void;
};

const MINUTE = 60_000;

/** "60 min", "2 h 30 min": how long the meeting is planned to take. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / MINUTE);
  // Meetings are planned in minutes; hours only read better past two of them.
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** Choose how the meeting runs: each script is a set of timed phases with prompts. */
export function ScriptPicker(props: Props) {
  return (
    <fieldset class="script-picker">
      <legend>How the meeting runs</legend>
      <Switch>
        <Match when={props.scripts === undefined}>
          <p class="hint">Loading the meeting scripts…</p>
        </Match>
        <Match when={props.scripts?.length === 0}>
          <p class="hint">The standard 60-minute blameless debrief will be used.</p>
        </Match>
        <Match when={props.scripts}>
          {(scripts) => (
            <div class="script-options">
              <For each={scripts()}>
                {(script) => (
                  <label class="script-option">
                    <input
                      type="radio"
                      name="script"
                      value={script.id}
                      checked={props.value === script.id}
                      onChange={() => props.onChange(script.id)}
                    />
                    <span class="script-option-body">
                      <span class="script-option-head">
                        <span class="script-name">{script.name}</span>
                        <span class="script-duration">{formatDuration(script.totalMs)}</span>
                      </span>
                      <span class="script-phases">
                        {script.phases.map((phase) => phase.title).join(" · ")}
                      </span>
                    </span>
                  </label>
                )}
              </For>
            </div>
          )}
        </Match>
      </Switch>
    </fieldset>
  );
}
