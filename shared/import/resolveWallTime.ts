import { type WallTime, wallTimeAsUtc, zonedTimeToUtc } from "../time/zonedTimeToUtc";
import type { TimeResult } from "./timeResult";

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Resolves a wall time read from a file to epoch ms: in `timeZone`, or at `offsetMs` from UTC
 * when the file gave an offset. `shown` is the time as the file wrote it, quoted in reasons.
 */
export function resolveWallTime(
  wall: WallTime,
  zone: { timeZone: string } | { offsetMs: number },
  shown: string,
): TimeResult {
  const quoted = `time ${JSON.stringify(shown)}`;
  if (wall.month < 1 || wall.month > 12 || wall.day < 1) {
    return { ok: false, reason: `${quoted} is not a valid date` };
  }
  if (wall.day > daysInMonth(wall.year, wall.month)) {
    return { ok: false, reason: `${quoted} is not a valid date` };
  }
  // No leap seconds (":60"): JavaScript time has none, and no alerting tool writes them.
  if (wall.hour > 23 || wall.minute > 59 || wall.second > 59) {
    return { ok: false, reason: `${quoted} is not a valid time of day` };
  }
  let at: number;
  if ("offsetMs" in zone) {
    at = wallTimeAsUtc(wall) - zone.offsetMs;
  } else {
    const result = zonedTimeToUtc(wall, zone.timeZone);
    if (!result.ok) {
      return {
        ok: false,
        reason: `${quoted} does not exist in ${zone.timeZone}: the clocks jumped forward over it (daylight saving time); give the time with a UTC offset`,
      };
    }
    at = result.at;
  }
  // Card times are non-negative epoch ms.
  if (at < 0) return { ok: false, reason: `${quoted} is before 1970` };
  return { ok: true, at };
}
