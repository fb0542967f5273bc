const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Tick intervals people read easily, from a minute to a week. */
export const TICK_STEPS_MS = [
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
] as const;

/** The smallest nice step whose ticks are at least `minSpacingPx` apart at this zoom. */
export function tickStep(msPerPx: number, minSpacingPx: number): number {
  const wanted = msPerPx * minSpacingPx;
  return TICK_STEPS_MS.find((step) => step >= wanted) ?? 7 * DAY;
}

/**
 * Tick times from `startMs` to `endMs` that fall on round wall-clock times in a zone: every
 * 15 minutes means :00, :15, :30, :45 there, and days start at its midnight. `offsetAt` gives
 * the zone's offset from UTC in ms at an instant (east positive), so zones with half-hour
 * offsets and days across a daylight saving change still get round labels.
 */
export function timeTicks(
  startMs: number,
  endMs: number,
  stepMs: number,
  offsetAt: (epochMs: number) => number,
): number[] {
  const ticks: number[] = [];
  // The latest round wall time at or before `t`, back as an instant. The wall time is read
  // with the offset at `t` but converted back with the offset at the result, which differs
  // when a change of offset lies between them.
  const align = (t: number) => {
    const offset = offsetAt(t);
    const wall = Math.floor((t + offset) / stepMs) * stepMs;
    const guess = wall - offset;
    const there = offsetAt(guess);
    return there === offset ? guess : wall - there;
  };
  let t = align(startMs);
  if (t < startMs) t = align(t + stepMs * 1.5);
  // A bound on the loop, whatever the inputs: a screen never needs more than this.
  while (t <= endMs && ticks.length < 1000) {
    ticks.push(t);
    // Re-aligning each step keeps ticks on round wall times after an offset change (days of
    // 23 or 25 hours); the fallback only guards against a zone that jumps backwards.
    const next = align(t + stepMs * 1.5);
    t = next > t ? next : t + stepMs;
  }
  return ticks;
}

/** Incident time rounded to the nearest whole minute: cards sit on minutes. */
export function snapToMinute(epochMs: number): number {
  return Math.round(epochMs / MINUTE) * MINUTE;
}
