import { createMemo, For, Show } from "solid-js";
import type { Card } from "../../shared/board";
import { useBoard } from "../board/boardContext";
import { AddImprovementForm } from "./AddImprovementForm";
import { createImprovementActions } from "./createImprovementActions";
import { ImprovementItem } from "./ImprovementItem";

/** Improvements: the action items the meeting agrees on, each with an owner and a date. */
export function ImprovementsPanel() {
  const ctx = useBoard();
  const actions = createImprovementActions(ctx.doc, ctx.session);
  const cardsById = createMemo(() => new Map<string, Card>(ctx.board.cards.map((c) => [c.id, c])));
  const ownerSuggestions = createMemo(() =>
    ctx.board.lanes.filter((lane) => lane.participantId).map((lane) => lane.name),
  );
  const selectedCard = () => {
    const id = ctx.selectedCardId();
    return id ? cardsById().get(id) : undefined;
  };

  return (
    <div class="panel-section stack">
      <p class="hint">
        Changes that make the conditions better next time — to tools, signals, habits — not to
        people. Each needs an owner and a date.
      </p>
      <Show
        when={ctx.board.improvements.length > 0}
        fallback={<p class="empty-note">No improvements yet.</p>}
      >
        <ul class="improvements" aria-label="Improvements">
          <For each={ctx.board.improvements}>
            {(improvement) => (
              <ImprovementItem
                improvement={improvement}
                cardsById={cardsById()}
                selectedCardId={ctx.selectedCardId()}
                actions={actions}
                ownerSuggestions={ownerSuggestions()}
                onSelectCard={(id) => ctx.selectCard(id)}
              />
            )}
          </For>
        </ul>
      </Show>
      <Show
        when={actions.canEdit}
        fallback={<p class="hint">You are following as an observer: the list is read-only.</p>}
      >
        <AddImprovementForm
          actions={actions}
          ownerSuggestions={ownerSuggestions()}
          selectedCard={selectedCard()}
        />
      </Show>
    </div>
  );
}
