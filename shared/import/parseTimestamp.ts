import { resolveWallTime } from "./resolveWallTime";
import type { TimeResult } from "./timeResult";

// ISO 8601 with "T" or a space between date and time, seconds and fraction optional, and an
// optional offset: "2026-11-02T14:03:12Z", "2026-11-02 14:03", "2026-11-02T14:03:12.5+01:00".
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * The pattern of a timestamp at the start of a line, for log parsing and format detection. It
 * ends at a space, the end of the line or a ": " separator.
 */
export const LEADING_TIMESTAMP =
  /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?(?=\s|$|:\s)/;

export const TIME_FORMAT_HINT =
  'use ISO 8601 like "2026-11-02T14:03:12Z" or "2026-11-02 14:03" (board time zone)';

function parseOffset(text: string): number | null {
  if (text === "Z" || text === "z") return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (!match) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? 0);
  // Real offsets run from -12:00 to +14:00.
  if (hours > 14 || minutes > 59) return null;
  return (match[1] === "-" ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

/**
 * Parses an ISO 8601 date-time or "YYYY-MM-DD HH:MM[:SS]". A time without an offset is wall time
 * in `timeZone` (the board's): that is how people and most alerting exports write it.
 */
export function parseTimestamp(value: string, timeZone: string): TimeResult {
  const shown = value.trim();
  const match = TIMESTAMP.exec(shown);
  if (!match) {
    return {
      ok: false,
      reason: `time ${JSON.stringify(shown)} is not a time we can read; ${TIME_FORMAT_HINT}`,
    };
  }
  const [, year, month, day, hour, minute, second, fraction, offset] = match;
  const wall = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second ?? 0),
    // Card times are whole milliseconds; finer digits are dropped, not rounded up a second.
    millisecond: Number((fraction ?? "").padEnd(3, "0").slice(0, 3)),
  };
  if (offset === undefined) return resolveWallTime(wall, { timeZone }, shown);
  const offsetMs = parseOffset(offset);
  if (offsetMs === null) {
    return { ok: false, reason: `time ${JSON.stringify(shown)} has an invalid UTC offset` };
  }
  return resolveWallTime(wall, { offsetMs }, shown);
}
