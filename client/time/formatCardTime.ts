import { safeTimeZone } from "./zonedTime";

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A card's incident time as people read it on the board: date and minute, in the board's zone. */
export function formatCardTime(epochMs: number, timeZone: string | undefined): string {
  const zone = safeTimeZone(timeZone);
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(undefined, {
      timeZone: zone,
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    });
    formatters.set(zone, formatter);
  }
  return formatter.format(epochMs);
}
