import { createResource, createSignal, For, Show } from "solid-js";
import { isValidTimeZone, LIMITS } from "../../shared/board";
import type { CreatedBoard } from "../sync/apiSchemas";
import { createBoard, listScripts } from "../sync/boardsApi";
import { knownTimeZones, localTimeZone } from "../time/localTimeZone";
import { fromWallTime, toIsoWithOffset } from "../time/zonedTime";
import { ScriptPicker } from "./ScriptPicker";

// The server's default too; preselected so the common case needs no decision.
const DEFAULT_SCRIPT_ID = "blameless-60";

type Props = { onCreated: (board: CreatedBoard) => void };

/** Title, incident start, timezone and meeting script for a new board; creates it on submit. */
export function CreateBoardForm(props: Props) {
  const [title, setTitle] = createSignal("");
  const [incidentStart, setIncidentStart] = createSignal("");
  const [timeZone, setTimeZone] = createSignal(localTimeZone());
  // A failed list is not fatal: the board is created with the server's default script.
  const [scripts] = createResource(() => listScripts().catch(() => []));
  const [chosenScript, setChosenScript] = createSignal<string>();
  const script = () => {
    const list = scripts();
    if (!list || list.length === 0) return undefined;
    const chosen = chosenScript();
    if (chosen && list.some((s) => s.id === chosen)) return chosen;
    return (list.find((s) => s.id === DEFAULT_SCRIPT_ID) ?? list[0])?.id;
  };
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal("");
  const zones = knownTimeZones();

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setError("");
    const zone = timeZone().trim();
    if (!title().trim()) return setError("Give the board a title.");
    if (!isValidTimeZone(zone)) return setError(`"${zone}" is not a time zone we know.`);
    let start: string | undefined;
    if (incidentStart()) {
      const at = fromWallTime(incidentStart(), zone);
      if (at === undefined) return setError("The incident start is not a valid date and time.");
      start = toIsoWithOffset(at, zone);
    }
    setBusy(true);
    try {
      props.onCreated(
        await createBoard({
          title: title().trim(),
          incidentStart: start,
          timezone: zone,
          script: script(),
        }),
      );
    } catch (err) {
      setError(err instanceof Error ? err.message : "Creating the board failed.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card-panel stack" onSubmit={submit} aria-labelledby="create-heading">
      <h2 id="create-heading">Start a debrief</h2>
      <div class="field">
        <label for="board-title">Incident title</label>
        <input
          id="board-title"
          type="text"
          required
          maxLength={LIMITS.titleLength}
          placeholder="e.g. Checkout errors after the 14:00 deploy"
          value={title()}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
      </div>
      <div class="field-row">
        <div class="field">
          <label for="incident-start">
            Incident start <span class="hint">(optional)</span>
          </label>
          <input
            id="incident-start"
            type="datetime-local"
            value={incidentStart()}
            onInput={(e) => setIncidentStart(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="timezone">Time zone</label>
          <input
            id="timezone"
            type="text"
            required
            list="timezone-options"
            autocomplete="off"
            spellcheck={false}
            value={timeZone()}
            onInput={(e) => setTimeZone(e.currentTarget.value)}
            aria-describedby="timezone-hint"
          />
          <datalist id="timezone-options">
            <For each={zones}>{(zone) => <option value={zone} />}</For>
          </datalist>
        </div>
      </div>
      <p id="timezone-hint" class="hint">
        Every time on the board is shown in this zone, so everyone reads the same clock.
      </p>
      <ScriptPicker scripts={scripts()} value={script()} onChange={setChosenScript} />
      <Show when={error()}>
        <p class="form-error" role="alert">
          {error()}
        </p>
      </Show>
      <div>
        <button type="submit" class="primary" disabled={busy()}>
          {busy() ? "Creating…" : "Create board"}
        </button>
      </div>
    </form>
  );
}
