import { Show } from "solid-js";
import { useBoard } from "../boardContext";
import type { ShownCard } from "../createBoardLayout";

type Props = { shown: ShownCard; onDelete: () => void };

/** What one can do with a card: mark it new to you, vote (in a voting phase), delete it. */
export function CardFooter(props: Props) {
  const ctx = useBoard();
  const card = () => props.shown.card;
  const ref = () => ({ ...card(), draft: props.shown.draft });
  const me = ctx.session.participantId;
  const isNewToMe = () => card().newToMe.includes(me);
  const newCount = () => card().newToMe.length;
  const myVotes = () => card().votes[me] ?? 0;

  return (
    <div class="card-foot">
      <Show
        when={!props.shown.draft}
        fallback={
          <span class="card-private">
            <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
              <path d="M4 7.5h8v6H4z M5.5 7.5V5a2.5 2.5 0 0 1 5 0v2.5" />
            </svg>
            Only you can see this
          </span>
        }
      >
        <Show
          when={ctx.can.markNewToMe(card())}
          fallback={
            <Show when={newCount() > 0}>
              <span class="card-note">New to {newCount()}</span>
            </Show>
          }
        >
          <button
            type="button"
            class="toggle"
            aria-pressed={isNewToMe()}
            title="Mark this as something you did not know at the time"
            onClick={() => ctx.actions.setNewToMe(ref(), !isNewToMe())}
          >
            New to me<Show when={newCount() > 0}> · {newCount()}</Show>
          </button>
        </Show>
        <Show
          when={ctx.voting() && ctx.can.vote()}
          fallback={
            <Show when={card().voteTotal > 0}>
              <span class="card-note">
                {card().voteTotal} {card().voteTotal === 1 ? "vote" : "votes"}
              </span>
            </Show>
          }
        >
          <span class="votes">
            <button
              type="button"
              class="icon-button"
              aria-label="Take back one of your votes"
              disabled={myVotes() === 0}
              onClick={() => ctx.actions.vote(ref(), -1)}
            >
              −
            </button>
            <span class="vote-count" aria-live="polite">
              {card().voteTotal}
              <span class="visually-hidden"> votes, {myVotes()} yours</span>
            </span>
            <button
              type="button"
              class="icon-button"
              aria-label="Vote for this card"
              onClick={() => ctx.actions.vote(ref(), 1)}
            >
              +
            </button>
          </span>
        </Show>
      </Show>
      <Show when={props.shown.draft || ctx.can.editCard(card())}>
        <button
          type="button"
          class="icon-button card-delete"
          aria-label="Delete card"
          title="Delete card (Delete key)"
          onClick={() => props.onDelete()}
        >
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d="M2.5 4h11 M6 4V2.5h4V4 M4 4l.7 9.5h6.6L12 4 M6.7 6.5v5 M9.3 6.5v5" />
          </svg>
        </button>
      </Show>
    </div>
  );
}
