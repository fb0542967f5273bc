import { isValidTimeZone } from "../board";
import type { Instant } from "./reportTypes";

// Wall-clock readings in the board's IANA zone. The numbers come from Intl (which knows the
// zone's DST rules) and the text is assembled here, so the report reads the same on every ICU
// version and locale: no narrow no-break spaces, no "24:00", no localised month names.

interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
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

function wallParts(at: number, timeZone: string): WallParts {
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

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** `timeZone` when this runtime knows it, else "UTC": a foreign client may store any string. */
export function reportTimeZone(timeZone: string): string {
  return isValidTimeZone(timeZone) ? timeZone : "UTC";
}

/** "+02:00" / "-05:30" / "+00:00" for an offset in minutes east of UTC. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Reads epoch ms `at` on the wall clock of `timeZone` (which must be valid). */
export function toInstant(at: number, timeZone: string): Instant {
  // Whole seconds: the zone's offset is found by comparing the wall clock (to the second) with
  // the instant, and a leftover millisecond would skew it.
  const whole = Math.floor(at / 1000) * 1000;
  const p = wallParts(whole, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const offset = formatOffset(Math.round((asUtc - whole) / 60_000));
  const date = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  const time = `${pad(p.hour)}:${pad(p.minute)}`;
  return { at, iso: `${date}T${time}:${pad(p.second)}${offset}`, date, time, offset };
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2026-10-25" → "Sunday 25 October 2026". */
export function formatDate(date: string): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return `${WEEKDAYS[weekday]} ${day} ${MONTHS[month - 1]} ${year}`;
}

/** "UTC+02:00"; "UTC" for a zero offset. */
export function formatUtcOffset(offset: string): string {
  return offset === "+00:00" ? "UTC" : `UTC${offset}`;
}
