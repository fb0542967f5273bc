import { createSignal, createUniqueId, For, Show } from "solid-js";
import {
  type Card,
  IMPROVEMENT_STATUSES,
  type Improvement,
  type ImprovementStatus,
} from "../../shared/board";
import { cardExcerpt } from "./cardExcerpt";
import type { ImprovementActions } from "./createImprovementActions";
import { type ImprovementDraft, ImprovementFields } from "./ImprovementFields";
import { formatDueDate, isOverdue, STATUS_LABELS } from "./improvementStatus";
import { LinkedCards } from "./LinkedCards";

type Props = {
  improvement: Improvement;
  cardsById: ReadonlyMap<string, Card>;
  selectedCardId: string | undefined;
  actions: ImprovementActions;
  ownerSuggestions: string[];
  onSelectCard: (cardId: string) => void;
};

const draftOf = (i: Improvement): ImprovementDraft => ({
  title: i.title,
  owner: i.owner,
  due: i.due ?? "",
  status: i.status,
});

/** One action item: read it, change its status, edit it inline, link cards, delete it. */
export function ImprovementItem(props: Props) {
  const id = createUniqueId();
  const [editing, setEditing] = createSignal<ImprovementDraft>();
  const [error, setError] = createSignal("");
  const item = () => props.improvement;
  const canEdit = () => props.actions.canEdit;

  const run = (change: () => void): boolean => {
    setError("");
    try {
      change();
      return true;
    } catch (err) {
      setError(err instanceof Error ? err.message : "That change did not work.");
      return false;
    }
  };

  const save = (event: SubmitEvent) => {
    event.preventDefault();
    const draft = editing();
    if (!draft) return;
    const done = run(() =>
      props.actions.update(item().id, {
        title: draft.title,
        owner: draft.owner,
        due: draft.due === "" ? null : draft.due,
      }),
    );
    if (done) setEditing(undefined);
  };

  // Only a card on the board can be linked (a private draft is not one yet).
  const selectable = () => {
    const selected = props.selectedCardId;
    return selected && props.cardsById.has(selected) && !item().cardIds.includes(selected)
      ? selected
      : undefined;
  };

  return (
    <li class="improvement" aria-labelledby={`${id}-title`}>
      <Show
        when={editing()}
        fallback={
          <>
            <div class="improvement-head">
              <p id={`${id}-title`} class="improvement-title">
                {item().title}
              </p>
              <Show
                when={canEdit()}
                fallback={
                  <span class={`status status-${item().status}`}>
                    {STATUS_LABELS[item().status]}
                  </span>
                }
              >
                <select
                  class={`status-select status-${item().status}`}
                  aria-label={`Status of “${item().title}”`}
                  value={item().status}
                  onChange={(e) =>
                    run(() =>
                      props.actions.update(item().id, {
                        status: e.currentTarget.value as ImprovementStatus,
                      }),
                    )
                  }
                >
                  <For each={IMPROVEMENT_STATUSES}>
                    {(status) => <option value={status}>{STATUS_LABELS[status]}</option>}
                  </For>
                </select>
              </Show>
            </div>
            <p class="improvement-meta">
              <span>
                Owner: <strong>{item().owner || "nobody yet"}</strong>
              </span>
              <span>
                Due:{" "}
                <Show when={item().due} fallback={<strong>no date</strong>}>
                  {(due) => (
                    <strong>
                      <time datetime={due()}>{formatDueDate(due())}</time>
                    </strong>
                  )}
                </Show>
                <Show when={isOverdue(item().due, item().status)}>
                  <span class="overdue"> (overdue)</span>
                </Show>
              </span>
            </p>
          </>
        }
      >
        {(draft) => (
          <form
            class="improvement-edit stack"
            onSubmit={save}
            aria-label={`Edit “${item().title}”`}
          >
            <ImprovementFields
              value={draft()}
              onChange={setEditing}
              ownerSuggestions={props.ownerSuggestions}
            />
            <div class="button-row">
              <button type="submit" class="primary">
                Save
              </button>
              <button type="button" onClick={() => setEditing(undefined)}>
                Cancel
              </button>
            </div>
          </form>
        )}
      </Show>
      <LinkedCards
        cardIds={item().cardIds}
        cardsById={props.cardsById}
        selectedCardId={props.selectedCardId}
        onSelect={props.onSelectCard}
        onUnlink={
          canEdit()
            ? (cardId) =>
                run(() =>
                  props.actions.update(item().id, {
                    cardIds: item().cardIds.filter((c) => c !== cardId),
                  }),
                )
            : undefined
        }
      />
      <Show when={error()}>
        <p class="form-error" role="alert">
          {error()}
        </p>
      </Show>
      <Show when={canEdit() && !editing()}>
        <div class="improvement-actions">
          <Show when={selectable()}>
            {(cardId) => (
              <button
                type="button"
                class="quiet"
                onClick={() =>
                  run(() =>
                    props.actions.update(item().id, { cardIds: [...item().cardIds, cardId()] }),
                  )
                }
              >
                Link selected card
                <span class="visually-hidden">
                  : {cardExcerpt(props.cardsById.get(cardId())?.text)}
                </span>
              </button>
            )}
          </Show>
          <button
            type="button"
            class="quiet"
            aria-label={`Edit “${item().title}”`}
            onClick={() => setEditing(draftOf(item()))}
          >
            Edit
          </button>
          <button
            type="button"
            class="quiet danger"
            aria-label={`Delete “${item().title}”`}
            onClick={() => {
              if (confirm(`Delete the improvement “${item().title}” for everyone?`)) {
                run(() => props.actions.remove(item().id));
              }
            }}
          >
            Delete
          </button>
        </div>
      </Show>
    </li>
  );
}
