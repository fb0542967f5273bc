import { Show } from "solid-js";
import type { Lane } from "../../../shared/board";
import { useBoard } from "../boardContext";

type Props = { lane: Lane; nameId: string; cardCount: number };

/**
 * A lane's name on the left, staying put while the lanes pan through time: the colour swatch
 * (never alone: the name is always written), whose lane it is, and during private writing how
 * many drafts someone is writing.
 */
export function LaneLabel(props: Props) {
  const ctx = useBoard();
  const isTimeline = () => props.lane.kind === "timeline";
  const isOwn = () => props.lane.participantId === ctx.session.participantId;
  const writing = () => {
    const id = props.lane.participantId;
    if (!ctx.privateWriting() || !id || isOwn()) return undefined;
    return ctx.meeting.draftCounts[id] ?? 0;
  };

  return (
    <div class="lane-label" style={{ "--lane-color": props.lane.color }}>
      {/* Sticky: a lane taller than the screen keeps its name in sight while scrolled. */}
      <div class="lane-label-inner">
        <span class="swatch" classList={{ timeline: isTimeline() }} aria-hidden="true" />
        <div class="lane-label-text">
          <h2 class="lane-name" id={props.nameId}>
            {isTimeline() ? "Shared timeline" : props.lane.name}
            <Show when={isOwn()}>
              <span class="visually-hidden"> (you)</span>
            </Show>
          </h2>
          <span class="lane-meta">
            <Show when={isOwn()}>
              <span class="you-tag">you</span>
            </Show>
            <Show
              when={writing() !== undefined}
              fallback={
                <Show
                  when={isOwn() && ctx.privateWriting()}
                  fallback={<span>{countText(props.cardCount)}</span>}
                >
                  <span>writing privately</span>
                </Show>
              }
            >
              <span class="writing">writing… ({writing()})</span>
            </Show>
          </span>
        </div>
      </div>
    </div>
  );
}

const countText = (n: number) => (n === 0 ? "no cards" : n === 1 ? "1 card" : `${n} cards`);
