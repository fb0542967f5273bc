/** A wall-clock time as read on a clock in some time zone; month 1-12. */
export type WallTime = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
};

export type ZonedResult =
  /** `ambiguous`: the wall time happened twice (clocks went back); `at` is the earlier one. */
  | { ok: true; at: number; ambiguous: boolean }
  /** The wall time never happened in the zone: the clocks skipped it (daylight saving time). */
  | { ok: false };

const HOUR = 3_600_000;

// Building a DateTimeFormat is slow (locale data lookup); an import converts thousands of times.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      // h23, not hour12: false, which some engines render as "24" at midnight.
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Returns the zone's UTC offset in ms at instant `at` (wall clock minus UTC). */
export function zoneOffsetAt(at: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    fields.year ?? 1970,
    (fields.month ?? 1) - 1,
    fields.day ?? 1,
    fields.hour ?? 0,
    fields.minute ?? 0,
    fields.second ?? 0,
  );
  // The formatter shows whole seconds; compare against the instant truncated the same way.
  return wall - Math.floor(at / 1000) * 1000;
}

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
  const asUtc = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
    wall.millisecond,
  );
  const offsets = new Set(
    [asUtc - 15 * HOUR, asUtc, asUtc + 15 * HOUR].map((at) => zoneOffsetAt(at, timeZone)),
  );
  const instants = [...offsets]
    .map((offset) => asUtc - offset)
    .filter((at) => zoneOffsetAt(at, timeZone) === asUtc - at)
    .sort((a, b) => a - b);
  const first = instants[0];
  if (first === undefined) return { ok: false };
  return { ok: true, at: first, ambiguous: instants.length > 1 };
}
