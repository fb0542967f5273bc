import { isValidTimeZone } from "../board/schema";

// Wall-clock readings in an IANA time zone, from Intl (which knows each zone's daylight-saving
// rules) rather than a time-zone library. The board states its zone, and people reconstruct an
// incident on that zone's clock, not on whatever zone their laptop or the server is set to.

/** A wall-clock reading; month 1-12. */
export type WallParts = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
};

// Building a DateTimeFormat is slow (locale data lookup); an import or a report reads
// thousands of times.
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

/** The wall clock of `timeZone` (which must be valid) at epoch ms `at`, to the second. */
export function wallParts(at: number, timeZone: string): WallParts {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** A wall-clock reading and the zone's offset from UTC then (ms, wall clock minus UTC). */
export type WallReading = WallParts & { offsetMs: number };

/**
 * The wall clock of `timeZone` at `at`, to the second, with the zone's offset: one Intl
 * reading gives both.
 */
export function readWallClock(at: number, timeZone: string): WallReading {
  // The wall clock shows whole seconds: compare it with the instant truncated the same way, or
  // a leftover millisecond would skew the offset.
  const whole = Math.floor(at / 1000) * 1000;
  const p = wallParts(whole, timeZone);
  const offsetMs = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole;
  return { ...p, offsetMs };
}

/** The zone's offset from UTC at instant `at`, in ms (east is positive). */
export function zoneOffsetMs(at: number, timeZone: string): number {
  return readWallClock(at, timeZone).offsetMs;
}

/** The zone's offset from UTC at instant `at`, in whole minutes. */
export function zoneOffsetMinutes(at: number, timeZone: string): number {
  return Math.round(zoneOffsetMs(at, timeZone) / 60_000);
}

/** A reading as ISO 8601 with its offset, e.g. "2024-05-01T14:30:00+02:00". */
export function formatIso(r: WallReading): string {
  return (
    `${pad(r.year, 4)}-${pad(r.month)}-${pad(r.day)}T${pad(r.hour)}:${pad(r.minute)}:${pad(r.second)}` +
    formatOffset(Math.round(r.offsetMs / 60_000))
  );
}

/** `timeZone` when this runtime knows it, else "UTC": board data is shared and may name any zone. */
export function safeTimeZone(timeZone: string | undefined): string {
  return timeZone && isValidTimeZone(timeZone) ? timeZone : "UTC";
}

export const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** "+02:00" / "-05:30" / "+00:00" for an offset in minutes east of UTC. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
