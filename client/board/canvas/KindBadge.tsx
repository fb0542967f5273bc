import { For, Show } from "solid-js";
import { CARD_KINDS, type CardKind } from "../../../shared/board";
import { CARD_KIND_LABELS } from "../cardKindLabels";
import { KindIcon } from "./KindIcon";

type Props = {
  kind: CardKind;
  /** Given when the kind may be changed: the badge becomes a native select. */
  onChange?: (kind: CardKind) => void;
};

/**
 * A card's kind as colour, pictogram and name. When editable, a transparent native select
 * covers the badge: keyboard, screen readers and touch get the platform's own picker.
 */
export function KindBadge(props: Props) {
  return (
    <span class={`kind kind-${props.kind}`} classList={{ editable: !!props.onChange }}>
      <KindIcon kind={props.kind} />
      <span class="kind-label">{CARD_KIND_LABELS[props.kind]}</span>
      <Show when={props.onChange}>
        {(onChange) => (
          <>
            <span class="kind-chevron" aria-hidden="true">
              ▾
            </span>
            <select
              aria-label="Card kind"
              value={props.kind}
              onChange={(e) => onChange()(e.currentTarget.value as CardKind)}
              onPointerDown={(e) => e.stopPropagation()}
            >
              <For each={CARD_KINDS}>{(k) => <option value={k}>{CARD_KIND_LABELS[k]}</option>}</For>
            </select>
          </>
        )}
      </Show>
    </span>
  );
}
