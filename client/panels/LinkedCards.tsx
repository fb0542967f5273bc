import { For, Show } from "solid-js";
import type { Card } from "../../shared/board";
import { cardExcerpt } from "./cardExcerpt";

type Props = {
  cardIds: string[];
  cardsById: ReadonlyMap<string, Card>;
  selectedCardId: string | undefined;
  onSelect: (cardId: string) => void;
  /** Omitted for people who cannot edit. */
  onUnlink?: (cardId: string) => void;
};

/** The cards an improvement is linked to; each selects its card on the board when clicked. */
export function LinkedCards(props: Props) {
  return (
    <Show when={props.cardIds.length > 0}>
      <ul class="linked-cards" aria-label="Linked cards">
        <For each={props.cardIds}>
          {(cardId) => {
            const excerpt = () => cardExcerpt(props.cardsById.get(cardId)?.text);
            return (
              <li class="linked-card">
                <button
                  type="button"
                  class="chip"
                  aria-pressed={props.selectedCardId === cardId}
                  title="Show this card on the board"
                  onClick={() => props.onSelect(cardId)}
                >
                  {excerpt()}
                </button>
                <Show when={props.onUnlink}>
                  {(unlink) => (
                    <button
                      type="button"
                      class="chip-remove"
                      aria-label={`Unlink card: ${excerpt()}`}
                      onClick={() => unlink()(cardId)}
                    >
                      ×
                    </button>
                  )}
                </Show>
              </li>
            );
          }}
        </For>
      </ul>
    </Show>
  );
}
