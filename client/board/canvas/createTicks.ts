import { type Accessor, createMemo } from "solid-js";
import { zoneOffsetMinutes } from "../../time/zonedTime";
import { tickStep, timeTicks } from "../layout/timeTicks";
import type { Viewport } from "../viewport";
import { dayKey, formatClock, formatDay } from "./timeFormat";

const DAY = 86_400_000;
// Room for a label like "14:05" plus breathing space; fewer, clearer ticks read faster.
const MIN_TICK_SPACING_PX = 88;

export type Tick = { at: number; label: string; day?: string };

/**
 * Axis ticks for the view, on round wall-clock times of the board's zone. A tick also names
 * its day where a new day starts, so a multi-day incident never reads ambiguously (the day at
 * the left edge is shown beside the axis).
 */
export function createTicks(viewport: Viewport, timeZone: Accessor<string>) {
  const step = createMemo(() => tickStep(viewport.msPerPx(), MIN_TICK_SPACING_PX));
  const ticks = createMemo<Tick[]>(() => {
    const zone = timeZone();
    const s = step();
    const times = timeTicks(
      viewport.startMs() - s,
      viewport.endMs() + s,
      s,
      (ms) => zoneOffsetMinutes(ms, zone) * 60_000,
    );
    let previousDay: string | undefined;
    return times.map((at) => {
      const today = dayKey(at, zone);
      const newDay = previousDay !== undefined && today !== previousDay;
      previousDay = today;
      if (s >= DAY) return { at, label: formatDay(at, zone) };
      return { at, label: formatClock(at, zone), day: newDay ? formatDay(at, zone) : undefined };
    });
  });
  return { step, ticks };
}
