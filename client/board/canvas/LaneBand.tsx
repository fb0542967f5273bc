import { type Accessor, createUniqueId, For } from "solid-js";
import type { Lane } from "../../../shared/board";
import { useBoard } from "../boardContext";
import type { CardRef } from "../createBoardActions";
import type { LaneBand as Band } from "../layout/stackCards";
import { BoardCard } from "./BoardCard";
import type { CanvasState } from "./createCanvasState";
import { LaneLabel } from "./LaneLabel";

type Props = {
  lane: Lane;
  /** Every other lane is shaded, so a long row is easy to follow across the board. */
  alt: boolean;
  band: Accessor<Band | undefined>;
  cardKeys: Accessor<string[]>;
  canvas: CanvasState;
  timeZone: Accessor<string>;
  nameOf: (participantId: string) => string | undefined;
  onDelete: (card: CardRef, label: string) => void;
};

/**
 * One lane as a row across the board: a region named after the lane, holding its label and
 * the cards of it that are near the view. Cards sit on a track that slides with the viewport.
 */
export function LaneBand(props: Props) {
  const ctx = useBoard();
  const nameId = createUniqueId();
  const top = () => props.band()?.top ?? 0;
  const shift = () => (props.canvas.originMs - ctx.viewport.startMs()) / ctx.viewport.msPerPx();
  const cardCount = () => props.band()?.rows.reduce((n, row) => n + row.length, 0) ?? 0;

  return (
    <section
      class="lane-band"
      classList={{
        "lane-timeline": props.lane.kind === "timeline",
        alt: props.alt,
        "lane-own": props.lane.participantId === ctx.session.participantId,
      }}
      aria-labelledby={nameId}
      data-lane-id={props.lane.id}
      style={{ top: `${top()}px`, height: `${props.band()?.height ?? 0}px` }}
    >
      <LaneLabel lane={props.lane} nameId={nameId} cardCount={cardCount()} />
      <div class="lane-track" style={{ transform: `translateX(${shift()}px)` }}>
        <For each={props.cardKeys()}>
          {(key) => (
            <BoardCard
              cardKey={key}
              laneTop={top}
              canvas={props.canvas}
              timeZone={props.timeZone}
              nameOf={props.nameOf}
              onDelete={props.onDelete}
            />
          )}
        </For>
      </div>
    </section>
  );
}
