import { type WallParts, zoneOffsetMs } from "./wallClock";

/** A wall-clock time as read on a clock in some time zone, to the millisecond; month 1-12. */
export type WallTime = WallParts & { millisecond: number };

/** The instant `wall` would be if it were read on a UTC clock. */
export function wallTimeAsUtc(wall: WallTime): number {
  const { year, month, day, hour, minute, second, millisecond } = wall;
  return Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
}

export type ZonedResult =
  /** `ambiguous`: the wall time happened twice (clocks went back); `at` is the earlier one. */
  | { ok: true; at: number; ambiguous: boolean }
  /** The wall time never happened in the zone: the clocks skipped it (daylight saving time). */
  | { ok: false };

const HOUR = 3_600_000;

/**
 * Converts a wall-clock time in an IANA zone to epoch ms, without a time-zone library.
 *
 * A wall time `w` happened at instant `w - offset` for some offset the zone uses around then, and
 * only if the zone really used that offset at that instant. Offsets are sampled 15 hours either
 * side (further than any UTC offset reaches, and zones do not change offset twice within that
 * span), and each candidate is checked. None fits: the time fell into a gap when the clocks
 * jumped forward. Two fit: the clocks went back and the time happened twice; the earlier instant
 * is returned, because in an incident the first occurrence is the one a log line written "at
 * 02:30" most likely meant, and it keeps a re-import deterministic.
 */
export function zonedTimeToUtc(wall: WallTime, timeZone: string): ZonedResult {
  const asUtc = wallTimeAsUtc(wall);
  const offsets = new Set(
    [asUtc - 15 * HOUR, asUtc, asUtc + 15 * HOUR].map((at) => zoneOffsetMs(at, timeZone)),
  );
  const instants = [...offsets]
    .map((offset) => asUtc - offset)
    .filter((at) => zoneOffsetMs(at, timeZone) === asUtc - at)
    .sort((a, b) => a - b);
  const first = instants[0];
  if (first === undefined) return { ok: false };
  return { ok: true, at: first, ambiguous: instants.length > 1 };
}
