import { safeTimeZone, toWallTime } from "../../time/zonedTime";

// Intl formatters are slow to build and fast to use; the axis and every card format many
// times a second while panning, so one formatter per zone and style is kept.
const cache = new Map<string, Intl.DateTimeFormat>();
// Checking a zone builds a formatter too; each distinct name is checked once.
const safeZones = new Map<string, string>();

function safeZone(timeZone: string): string {
  let zone = safeZones.get(timeZone);
  if (zone === undefined) {
    zone = safeTimeZone(timeZone);
    safeZones.set(timeZone, zone);
  }
  return zone;
}

function formatter(timeZone: string, style: "clock" | "day" | "zone"): Intl.DateTimeFormat {
  const key = `${style}|${timeZone}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(undefined, {
      timeZone: safeZone(timeZone),
      ...(style === "clock" ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } : {}),
      ...(style === "day" ? { weekday: "short", day: "numeric", month: "short" } : {}),
      ...(style === "zone"
        ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" }
        : {}),
    } as Intl.DateTimeFormatOptions);
    cache.set(key, f);
  }
  return f;
}

/** "14:05" in the zone. */
export const formatClock = (ms: number, timeZone: string) =>
  formatter(timeZone, "clock").format(ms);

/** "Mon, 2 Nov" (in the reader's locale) in the zone. */
export const formatDay = (ms: number, timeZone: string) => formatter(timeZone, "day").format(ms);

/** "14:05 CET": a time with its zone's short name, for the axis tooltip. */
export const formatClockWithZone = (ms: number, timeZone: string) =>
  formatter(timeZone, "zone").format(ms);

/** "2026-11-02": the calendar day in the zone, to tell whether two times share a day. */
export const dayKey = (ms: number, timeZone: string) =>
  toWallTime(ms, safeZone(timeZone)).slice(0, 10);
