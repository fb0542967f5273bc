import {
  formatIso,
  pad,
  readWallClock,
  wallParts,
  zoneOffsetMinutes,
} from "../../shared/time/wallClock";
import { wallTimeAsUtc, zonedTimeToUtc } from "../../shared/time/zonedTimeToUtc";

// The datetime-local values the UI reads and writes, on the board's clock (see shared/time):
// never interpreted by `Date` in whatever zone the laptop is set to.

export { safeTimeZone, zoneOffsetMinutes } from "../../shared/time/wallClock";

/** Epoch ms → "YYYY-MM-DDTHH:mm", the value format of `<input type="datetime-local">`. */
export function toWallTime(epochMs: number, timeZone: string): string {
  const p = wallParts(epochMs, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const DAY_MS = 86_400_000;

/**
 * "YYYY-MM-DDTHH:mm[:ss]" read as a wall clock in `timeZone` → epoch ms, or undefined if the
 * text is not such a value. Around DST changes it behaves like Temporal's "compatible": a time
 * that occurs twice means the earlier one, a time skipped by the change moves forward by the gap.
 */
export function fromWallTime(wallTime: string, timeZone: string): number | undefined {
  const match = WALL_TIME.exec(wallTime);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = { year, month, day, hour, minute, second, millisecond: 0 };
  const asUtc = wallTimeAsUtc(wall);
  if (Number.isNaN(asUtc)) return undefined;
  const resolved = zonedTimeToUtc(wall, timeZone);
  if (resolved.ok) return resolved.at;
  // Skipped by the clocks going forward: read it with the offset from before the change, which
  // lands as far past the change as the time was past its start.
  return asUtc - zoneOffsetMinutes(asUtc - DAY_MS, timeZone) * 60_000;
}

/** Epoch ms → ISO 8601 with the zone's offset, e.g. "2024-05-01T14:30:00+02:00". */
export function toIsoWithOffset(epochMs: number, timeZone: string): string {
  return formatIso(readWallClock(epochMs, timeZone));
}
