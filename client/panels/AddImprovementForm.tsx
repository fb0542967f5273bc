import { createSignal, createUniqueId, Show } from "solid-js";
import type { Card } from "../../shared/board";
import { cardExcerpt } from "./cardExcerpt";
import type { ImprovementActions } from "./createImprovementActions";
import { type ImprovementDraft, ImprovementFields } from "./ImprovementFields";

type Props = {
  actions: ImprovementActions;
  ownerSuggestions: string[];
  /** The card selected on the board, offered as the first link. */
  selectedCard: Card | undefined;
};

const EMPTY: ImprovementDraft = { title: "", owner: "", due: "", status: "open" };

/** Adds an action item: what changes, who owns it, by when, and the card it answers. */
export function AddImprovementForm(props: Props) {
  const id = createUniqueId();
  const [draft, setDraft] = createSignal<ImprovementDraft>(EMPTY);
  const [linkSelected, setLinkSelected] = createSignal(true);
  const [error, setError] = createSignal("");

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const value = draft();
    if (!value.title.trim()) return setError("Say what will change.");
    setError("");
    const card = props.selectedCard;
    try {
      props.actions.add({
        title: value.title,
        owner: value.owner,
        ...(value.due ? { due: value.due } : {}),
        status: value.status,
        cardIds: card && linkSelected() ? [card.id] : [],
      });
      setDraft(EMPTY);
    } catch (err) {
      setError(err instanceof Error ? err.message : "Adding the improvement did not work.");
    }
  };

  return (
    <form class="add-improvement stack" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Add an improvement</h3>
      <ImprovementFields
        value={draft()}
        onChange={setDraft}
        ownerSuggestions={props.ownerSuggestions}
        withStatus
      />
      <Show when={props.selectedCard}>
        {(card) => (
          <label class="checkbox">
            <input
              type="checkbox"
              checked={linkSelected()}
              onChange={(e) => setLinkSelected(e.currentTarget.checked)}
            />
            Link the selected card: “{cardExcerpt(card().text)}”
          </label>
        )}
      </Show>
      <Show when={error()}>
        <p class="form-error" role="alert">
          {error()}
        </p>
      </Show>
      <div>
        <button type="submit" class="primary">
          Add improvement
        </button>
      </div>
    </form>
  );
}
