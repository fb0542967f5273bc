import { resolveWallTime } from "./resolveWallTime";
import type { TimeResult } from "./timeResult";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** A BSD syslog timestamp at the start of a line: "Nov  2 14:03:12" (day space-padded). */
export const LEADING_SYSLOG_TIME =
  /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?=\s|$)/i;

/**
 * Resolves a syslog timestamp (the match of LEADING_SYSLOG_TIME) in `timeZone`. Syslog writes no
 * year, so the year is the one that puts the time closest to `reference` (the board's incident
 * start, else the time of the import): a log spanning New Year's Eve gets December of one year
 * and January of the next, and logs read early in January from late December get last year.
 */
export function resolveSyslogTime(
  match: RegExpExecArray,
  timeZone: string,
  reference: number,
): TimeResult {
  const [shown, month = "", day, hour, minute, second, fraction] = match;
  const referenceYear = new Date(reference).getUTCFullYear();
  const wallIn = (year: number) => ({
    year,
    month: MONTHS.indexOf(month.toLowerCase()) + 1,
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
    millisecond: Number((fraction ?? "").padEnd(3, "0").slice(0, 3)),
  });
  const candidates = [referenceYear - 1, referenceYear, referenceYear + 1].map((year) =>
    resolveWallTime(wallIn(year), { timeZone }, shown),
  );
  let best: TimeResult | undefined;
  for (const candidate of candidates) {
    if (!candidate.ok) continue;
    if (!best?.ok || Math.abs(candidate.at - reference) < Math.abs(best.at - reference)) {
      best = candidate;
    }
  }
  // No year fits (Feb 29 around a non-leap year, a time in a DST gap): say why for this year.
  return best ?? (candidates[1] as TimeResult);
}
