import { type Accessor, createSignal, Index, Show } from "solid-js";
import { localTimeZone } from "../../time/localTimeZone";
import { useBoard } from "../boardContext";
import type { Tick } from "./createTicks";
import { formatClockWithZone } from "./timeFormat";

type Props = { ticks: Accessor<Tick[]>; timeZone: Accessor<string> };

/**
 * The time axis above the lanes, in the board's zone. Hovering shows the exact time there and
 * in the viewer's own zone (people join from elsewhere and think in their local clock).
 */
export function TimeAxis(props: Props) {
  const ctx = useBoard();
  const vp = ctx.viewport;
  const [hoverX, setHoverX] = createSignal<number>();
  const local = localTimeZone();
  const hoverText = (x: number) => {
    const at = vp.timeAt(x);
    const there = formatClockWithZone(at, props.timeZone());
    return local === props.timeZone()
      ? there
      : `${there} · ${formatClockWithZone(at, local)} your time`;
  };
  const incident = () => {
    const start = Date.parse(ctx.board.info.incidentStart ?? "");
    const end = Date.parse(ctx.board.info.incidentEnd ?? "");
    return Number.isNaN(start) ? undefined : { start, end: Number.isNaN(end) ? undefined : end };
  };

  return (
    <div
      class="time-axis"
      aria-hidden="true"
      onPointerMove={(e) => setHoverX(e.clientX - e.currentTarget.getBoundingClientRect().left)}
      onPointerLeave={() => setHoverX(undefined)}
    >
      <Show when={incident()}>
        {(window) => (
          <div
            class="axis-incident"
            style={{
              left: `${Math.max(-2, vp.xAt(window().start))}px`,
              width:
                window().end === undefined
                  ? "3px"
                  : `${Math.max(3, ((window().end ?? 0) - window().start) / vp.msPerPx())}px`,
            }}
            title="Incident window"
          />
        )}
      </Show>
      <Index each={props.ticks()}>
        {(tick) => (
          <div class="tick" style={{ transform: `translateX(${vp.xAt(tick().at)}px)` }}>
            <Show when={tick().day}>
              <span class="tick-day">{tick().day}</span>
            </Show>
            <span class="tick-label">{tick().label}</span>
          </div>
        )}
      </Index>
      <Show when={hoverX()}>
        {(x) => (
          <div
            class="axis-hover"
            classList={{ flip: x() > vp.widthPx() / 2 }}
            style={{ transform: `translateX(${x()}px)` }}
          >
            <span class="axis-hover-text">{hoverText(x())}</span>
          </div>
        )}
      </Show>
    </div>
  );
}
