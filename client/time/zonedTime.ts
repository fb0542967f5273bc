import { isValidTimeZone } from "../../shared/board";

// Wall-clock conversions in an IANA time zone. The board states its timezone, and people
// reconstruct an incident in that zone's clock, not in whatever zone their laptop is set to —
// so every datetime-local value the UI reads or writes is interpreted here, not by `Date`.

type WallParts = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
};

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      // h23 avoids the "24:00" midnight some engines produce with hour12: false.
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallParts(epochMs: number, timeZone: string): WallParts {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(epochMs)) {
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

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** `timeZone` if the runtime knows it, else UTC: board data is shared and may name any zone. */
export function safeTimeZone(timeZone: string | undefined): string {
  return timeZone && isValidTimeZone(timeZone) ? timeZone : "UTC";
}

/** Offset of `timeZone` from UTC at instant `epochMs`, in minutes (east of UTC is positive). */
export function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  const p = wallParts(whole, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - whole) / 60_000);
}

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
  const [, y, mo, d, h, mi, s] = match;
  const asUtc = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s ?? 0),
  );
  if (Number.isNaN(asUtc)) return undefined;
  // Zones change offset at most once within a day or so, so the offsets a day either side
  // are the only candidates; a candidate is right if it reads back as the same wall clock.
  const offsetAt = (t: number) => zoneOffsetMinutes(t, timeZone) * 60_000;
  const before = asUtc - offsetAt(asUtc - DAY_MS);
  const after = asUtc - offsetAt(asUtc + DAY_MS);
  const valid = [before, after].filter((t) => asUtc - offsetAt(t) === t);
  return valid.length > 0 ? Math.min(...valid) : before;
}

/** Epoch ms → ISO 8601 with the zone's offset, e.g. "2024-05-01T14:30:00+02:00". */
export function toIsoWithOffset(epochMs: number, timeZone: string): string {
  const offset = zoneOffsetMinutes(epochMs, timeZone);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const p = wallParts(epochMs, timeZone);
  return (
    `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
