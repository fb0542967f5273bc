import { createUniqueId, For } from "solid-js";
import { IMPROVEMENT_STATUSES, type ImprovementStatus, LIMITS } from "../../shared/board";
import { STATUS_LABELS } from "./improvementStatus";

export type ImprovementDraft = {
  title: string;
  owner: string;
  /** "" for no date, as the date input reports it. */
  due: string;
  status: ImprovementStatus;
};

type Props = {
  value: ImprovementDraft;
  onChange: (next: ImprovementDraft) => void;
  /** Names offered for the owner field (people on the board); any name may be typed. */
  ownerSuggestions: string[];
  /** The status field is left out where it is edited elsewhere. */
  withStatus?: boolean;
};

/** Title, owner, due date (and status) of an improvement, for the add and edit forms. */
export function ImprovementFields(props: Props) {
  const id = createUniqueId();
  const set = (patch: Partial<ImprovementDraft>) => props.onChange({ ...props.value, ...patch });

  return (
    <div class="improvement-fields">
      <div class="field">
        <label for={`${id}-title`}>What will we change?</label>
        <input
          id={`${id}-title`}
          type="text"
          required
          maxLength={LIMITS.titleLength}
          placeholder="e.g. Page the database owner on replication lag"
          value={props.value.title}
          onInput={(e) => set({ title: e.currentTarget.value })}
        />
      </div>
      <div class="field-row">
        <div class="field">
          <label for={`${id}-owner`}>Owner</label>
          <input
            id={`${id}-owner`}
            type="text"
            maxLength={LIMITS.nameLength}
            list={`${id}-owners`}
            autocomplete="off"
            value={props.value.owner}
            onInput={(e) => set({ owner: e.currentTarget.value })}
          />
          <datalist id={`${id}-owners`}>
            <For each={props.ownerSuggestions}>{(name) => <option value={name} />}</For>
          </datalist>
        </div>
        <div class="field">
          <label for={`${id}-due`}>Due</label>
          <input
            id={`${id}-due`}
            type="date"
            value={props.value.due}
            onInput={(e) => set({ due: e.currentTarget.value })}
          />
        </div>
        {props.withStatus && (
          <div class="field">
            <label for={`${id}-status`}>Status</label>
            <select
              id={`${id}-status`}
              value={props.value.status}
              onChange={(e) => set({ status: e.currentTarget.value as ImprovementStatus })}
            >
              <For each={IMPROVEMENT_STATUSES}>
                {(status) => <option value={status}>{STATUS_LABELS[status]}</option>}
              </For>
            </select>
          </div>
        )}
      </div>
    </div>
  );
}
