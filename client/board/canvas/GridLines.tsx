import { type Accessor, Index, Show } from "solid-js";
import { useBoard } from "../boardContext";
import type { Tick } from "./createTicks";

/** Faint vertical lines under the cards at each axis tick, and the incident window's band. */
export function GridLines(props: { ticks: Accessor<Tick[]> }) {
  const ctx = useBoard();
  const vp = ctx.viewport;
  const incident = () => {
    const start = Date.parse(ctx.board.info.incidentStart ?? "");
    const end = Date.parse(ctx.board.info.incidentEnd ?? "");
    if (Number.isNaN(start)) return undefined;
    return { left: vp.xAt(start), width: Number.isNaN(end) ? 0 : (end - start) / vp.msPerPx() };
  };
  return (
    <div class="grid-lines" aria-hidden="true">
      <Show when={incident()}>
        {(band) => (
          <div
            class="incident-band"
            classList={{ open: band().width === 0 }}
            style={{ left: `${band().left}px`, width: `${band().width}px` }}
          />
        )}
      </Show>
      <Index each={props.ticks()}>
        {(tick) => (
          <div
            class="grid-line"
            classList={{ "day-start": tick().day !== undefined }}
            style={{ transform: `translateX(${vp.xAt(tick().at)}px)` }}
          />
        )}
      </Index>
    </div>
  );
}
