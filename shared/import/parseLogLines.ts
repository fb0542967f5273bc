import { ProblemList, tooManyRows } from "./importError";
import { IMPORT_LIMITS } from "./importLimits";
import { LEADING_TIMESTAMP, parseTimestamp } from "./parseTimestamp";
import { cleanText, textProblem } from "./rowChecks";
import { LEADING_SYSLOG_TIME, resolveSyslogTime } from "./syslogTime";
import type { ParseContext, TimelineRow } from "./timelineRow";
import type { TimeResult } from "./timeResult";

const LINE_HINT =
  'a log line starts with a time like "2026-11-02T14:03:12Z", "2026-11-02 14:03:12", "[2026-11-02 14:03:12]" or "Nov  2 14:03:12"; indent a line to continue the entry above';

/** A log line's leading time and the rest of the line, or null when it starts with none. */
export function splitLogLine(
  line: string,
  timeZone: string,
  reference: number,
): { time: TimeResult; rest: string } | null {
  const bracketed = /^\[([^\]]*)\]/.exec(line);
  if (bracketed) {
    const inside = (bracketed[1] ?? "").trim();
    const time = LEADING_SYSLOG_TIME.exec(inside);
    if (time && time[0].length === inside.length) {
      return {
        time: resolveSyslogTime(time, timeZone, reference),
        rest: line.slice(bracketed[0].length),
      };
    }
    if (!LEADING_TIMESTAMP.test(inside)) return null;
    return { time: parseTimestamp(inside, timeZone), rest: line.slice(bracketed[0].length) };
  }
  const iso = LEADING_TIMESTAMP.exec(line);
  if (iso) return { time: parseTimestamp(iso[0], timeZone), rest: line.slice(iso[0].length) };
  const syslog = LEADING_SYSLOG_TIME.exec(line);
  if (syslog) {
    return {
      time: resolveSyslogTime(syslog, timeZone, reference),
      rest: line.slice(syslog[0].length),
    };
  }
  return null;
}

type Entry = { line: number; time: TimeResult; parts: string[] };

/**
 * Parses log lines that start with a timestamp (see splitLogLine); the rest of the line is the
 * text, minus a leading "-", "|" or ":" separator. Blank lines are skipped. An indented line
 * continues the entry above it (a stack trace, a wrapped message) as a new line of its text; any
 * other line without a leading time refuses the import. `reference` (epoch ms) picks the year of
 * syslog times.
 */
export function parseLogLines(
  content: string,
  context: ParseContext & { reference: number },
): TimelineRow[] {
  const problems = new ProblemList();
  const entries: Entry[] = [];
  content.split(/\r\n|\n|\r/).forEach((text, index) => {
    const line = index + 1;
    if (text.trim() === "") return;
    if (/^[ \t]/.test(text)) {
      const last = entries.at(-1);
      if (last) last.parts.push(text.trim());
      else
        problems.add(
          line,
          `an indented line continues an entry, but no entry comes before it; ${LINE_HINT}`,
        );
      return;
    }
    const split = splitLogLine(text, context.timeZone, context.reference);
    if (!split) {
      problems.add(line, `does not start with a time; ${LINE_HINT}`);
      return;
    }
    if (entries.length >= IMPORT_LIMITS.rows) tooManyRows();
    entries.push({ line, time: split.time, parts: [split.rest.replace(/^\s*(?:[-|:]\s+)?/, "")] });
  });

  const rows: TimelineRow[] = [];
  for (const { line, time, parts } of entries) {
    if (!time.ok) problems.add(line, time.reason);
    const text = cleanText(parts.join("\n"));
    const badText = textProblem(text);
    if (badText) problems.add(line, badText);
    if (time.ok && !badText) rows.push({ line, at: time.at, text, source: context.source });
  }
  problems.throwIfAny();
  return rows;
}
