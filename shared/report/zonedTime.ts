import { formatIso, formatOffset, pad, readWallClock } from "../time/wallClock";
import type { Instant } from "./reportTypes";

// The report's dates and times on the board's clock. The numbers come from Intl (see
// shared/time) and the text is assembled here, so the report reads the same on every ICU
// version and locale: no narrow no-break spaces, no "24:00", no localised month names.

/** Reads epoch ms `at` on the wall clock of `timeZone` (which must be valid). */
export function toInstant(at: number, timeZone: string): Instant {
  const r = readWallClock(at, timeZone);
  const offset = formatOffset(Math.round(r.offsetMs / 60_000));
  const date = `${pad(r.year, 4)}-${pad(r.month)}-${pad(r.day)}`;
  const time = `${pad(r.hour)}:${pad(r.minute)}`;
  return { at, iso: formatIso(r), date, time, offset };
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
