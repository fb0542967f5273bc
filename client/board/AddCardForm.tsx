import { createSignal, createUniqueId, For, Show } from "solid-js";
import { CARD_KINDS, type CardKind, type LaneKind, LIMITS } from "../../shared/board";
import { fromWallTime, toWallTime } from "../time/zonedTime";
import { CARD_KIND_LABELS } from "./cardKindLabels";

type Props = {
  laneName: string;
  laneKind: LaneKind;
  timeZone: string;
  /** Where the time field starts: the incident start if known, else now. */
  defaultAt: number;
  onAdd: (input: { at: number; kind: CardKind; text: string }) => void;
};

/** A small form under a lane. Kind and time stay after adding, for a run of related cards. */
export function AddCardForm(props: Props) {
  const id = createUniqueId();
  const [kind, setKind] = createSignal<CardKind>(
    props.laneKind === "timeline" ? "event" : "observation",
  );
  const [when, setWhen] = createSignal(toWallTime(props.defaultAt, props.timeZone));
  const [text, setText] = createSignal("");
  const [error, setError] = createSignal("");

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setError("");
    const at = fromWallTime(when(), props.timeZone);
    if (at === undefined) return setError("Enter a date and time.");
    if (!text().trim()) return setError("Write something on the card.");
    try {
      props.onAdd({ at, kind: kind(), text: text().trim() });
      setText("");
    } catch (err) {
      setError(err instanceof Error ? err.message : "The card could not be added.");
    }
  };

  return (
    <details class="add-card">
      <summary>Add a card</summary>
      <form class="stack" onSubmit={submit} aria-label={`Add a card to ${props.laneName}`}>
        <div class="field-row">
          <div class="field">
            <label for={`${id}-kind`}>Kind</label>
            <select
              id={`${id}-kind`}
              value={kind()}
              onChange={(e) => setKind(e.currentTarget.value as CardKind)}
            >
              <For each={CARD_KINDS}>{(k) => <option value={k}>{CARD_KIND_LABELS[k]}</option>}</For>
            </select>
          </div>
          <div class="field">
            <label for={`${id}-at`}>When ({props.timeZone})</label>
            <input
              id={`${id}-at`}
              type="datetime-local"
              required
              value={when()}
              onInput={(e) => setWhen(e.currentTarget.value)}
            />
          </div>
        </div>
        <div class="field">
          <label for={`${id}-text`}>What happened</label>
          <textarea
            id={`${id}-text`}
            rows={2}
            required
            maxLength={LIMITS.cardTextLength}
            value={text()}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </div>
        <Show when={error()}>
          <p class="form-error" role="alert">
            {error()}
          </p>
        </Show>
        <div>
          <button type="submit" class="primary">
            Add card
          </button>
        </div>
      </form>
    </details>
  );
}
