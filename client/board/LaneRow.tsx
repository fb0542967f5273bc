import { createUniqueId, For, Show } from "solid-js";
import type { Card, Lane } from "../../shared/board";
import type { Session } from "../sync/createJoinFlow";
import { AddCardForm } from "./AddCardForm";
import { CardItem } from "./CardItem";
import type { BoardActions } from "./createBoardActions";
import { canEditCard, canMarkNewToMe, canWriteLane } from "./permissions";

type Props = {
  lane: Lane;
  cards: Card[];
  session: Session;
  actions: BoardActions;
  timeZone: string;
  defaultAt: number;
  /** Display names by participant id, to credit cards written on someone else's lane. */
  nameOf: (participantId: string) => string | undefined;
};

/** One lane as a row: its heading, its cards in time order, and an add form if you may write. */
export function LaneRow(props: Props) {
  const headingId = createUniqueId();
  const isOwn = () => props.lane.participantId === props.session.participantId;
  const authorName = (card: Card) =>
    card.authorId === props.lane.participantId ? undefined : props.nameOf(card.authorId);

  return (
    <section class={`lane lane-${props.lane.kind}`} aria-labelledby={headingId}>
      <header class="lane-header">
        <Show when={props.lane.kind === "participant"}>
          <span
            class="swatch"
            style={{ "background-color": props.lane.color }}
            aria-hidden="true"
          />
        </Show>
        <h2 id={headingId}>
          {props.lane.kind === "timeline" ? "Shared timeline" : props.lane.name}
          <Show when={isOwn()}>
            <span class="hint"> (you)</span>
          </Show>
        </h2>
        <span class="hint">
          {props.cards.length} {props.cards.length === 1 ? "card" : "cards"}
        </span>
      </header>
      <Show
        when={props.cards.length > 0}
        fallback={
          <p class="empty hint">
            {props.lane.kind === "timeline" ? "No facts yet." : "Nothing written yet."}
          </p>
        }
      >
        <ol class="cards">
          <For each={props.cards}>
            {(card) => (
              <CardItem
                card={card}
                timeZone={props.timeZone}
                authorName={authorName(card)}
                participantId={props.session.participantId}
                canEdit={canEditCard(props.session, card)}
                canMarkNewToMe={canMarkNewToMe(props.session, card)}
                onDelete={() => props.actions.deleteCard(card)}
                onNewToMe={(value) => props.actions.setNewToMe(card, value)}
              />
            )}
          </For>
        </ol>
      </Show>
      <Show when={canWriteLane(props.session, props.lane.id)}>
        <AddCardForm
          laneName={props.lane.kind === "timeline" ? "the shared timeline" : props.lane.name}
          laneKind={props.lane.kind}
          timeZone={props.timeZone}
          defaultAt={props.defaultAt}
          onAdd={(input) => props.actions.addCard({ ...input, laneId: props.lane.id })}
        />
      </Show>
    </section>
  );
}
