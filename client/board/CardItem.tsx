import { Show } from "solid-js";
import type { Card } from "../../shared/board";
import { formatCardTime } from "../time/formatCardTime";
import { CARD_KIND_LABELS } from "./cardKindLabels";

type Props = {
  card: Card;
  timeZone: string;
  /** Shown when the card sits on a lane that is not its author's own, e.g. the timeline. */
  authorName?: string;
  /** The viewer's participant id, to show their own "new to me" mark. */
  participantId: string;
  canEdit: boolean;
  canMarkNewToMe: boolean;
  onDelete: () => void;
  onNewToMe: (value: boolean) => void;
};

const excerpt = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** One card: when, what kind, the text, and the few things one can do with it. */
export function CardItem(props: Props) {
  const isNewToMe = () => props.card.newToMe.includes(props.participantId);
  const newToMeCount = () => props.card.newToMe.length;

  return (
    <li class="card">
      <div class="card-meta">
        <time datetime={new Date(props.card.at).toISOString()}>
          {formatCardTime(props.card.at, props.timeZone)}
        </time>
        <span class={`kind kind-${props.card.kind}`}>{CARD_KIND_LABELS[props.card.kind]}</span>
        <Show when={props.authorName}>
          <span class="hint">by {props.authorName}</span>
        </Show>
      </div>
      <p class="card-text">{props.card.text}</p>
      <div class="card-actions">
        <Show
          when={props.canMarkNewToMe}
          fallback={
            <Show when={newToMeCount() > 0}>
              <span class="hint">New to {newToMeCount()}</span>
            </Show>
          }
        >
          <button
            type="button"
            class="toggle"
            aria-pressed={isNewToMe()}
            title="Mark this as something you did not know at the time"
            onClick={() => props.onNewToMe(!isNewToMe())}
          >
            New to me{newToMeCount() > 0 ? ` · ${newToMeCount()}` : ""}
          </button>
        </Show>
        <Show when={props.canEdit}>
          <button
            type="button"
            class="quiet danger"
            aria-label={`Delete card: ${excerpt(props.card.text)}`}
            onClick={() => {
              if (confirm("Delete this card for everyone?")) props.onDelete();
            }}
          >
            Delete
          </button>
        </Show>
      </div>
    </li>
  );
}
