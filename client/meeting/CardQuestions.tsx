import { createMemo, For, Show } from "solid-js";
import { useBoard } from "../board/boardContext";
import { KindBadge } from "../board/canvas/KindBadge";

/**
 * The script's questions for the kind of card selected on the board ("what other options
 * were visible then?" for an action), for the facilitator to ask while it is discussed.
 * Nothing shows while no card is selected: the bar stays short above the board.
 */
export function CardQuestions() {
  const ctx = useBoard();
  const card = createMemo(() => {
    const id = ctx.selectedCardId();
    return id === undefined ? undefined : ctx.board.cards.find((c) => c.id === id);
  });
  const questions = () => {
    const selected = card();
    return selected ? (ctx.meeting.cardPrompts[selected.kind] ?? []) : [];
  };
  const excerpt = () => {
    const text = card()?.text.trim() ?? "";
    return text.length > 80 ? `${text.slice(0, 77)}…` : text;
  };

  return (
    <Show when={card()}>
      {(selected) => (
        <section class="card-questions" aria-label="Questions for this card">
          <h3>
            Questions for this card <KindBadge kind={selected().kind} />
            <Show when={excerpt()}>
              <span class="card-questions-excerpt">“{excerpt()}”</span>
            </Show>
          </h3>
          <Show
            when={questions().length > 0}
            fallback={<p class="hint">The script has no questions for this kind of card.</p>}
          >
            <ul>
              <For each={questions()}>{(question) => <li>{question}</li>}</For>
            </ul>
          </Show>
        </section>
      )}
    </Show>
  );
}
