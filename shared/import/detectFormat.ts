import { LEADING_TIMESTAMP } from "./parseTimestamp";
import { LEADING_SYSLOG_TIME } from "./syslogTime";
import type { ImportFormat } from "./timelineRow";

/**
 * Guesses the format of pasted or dropped content from its start, cheaply enough to run on every
 * paste: a JSON array of objects is a Slack export, a first line naming the columns `time` and
 * `text` is CSV, a first line starting with a time is a log. Null when none fits. It only looks;
 * the parser still validates every row.
 */
export function detectFormat(content: string): ImportFormat | null {
  const text = content.replace(/^\uFEFF/, "");
  const start = text.trimStart();
  // "[" then "{" or "]": a JSON array. A log line "[2026-11-02 14:03:12] …" has a digit there.
  if (/^\[\s*[{\]]/.test(start)) return "slack";
  const firstLine = start.split(/\r\n|\n|\r/, 1)[0] ?? "";
  const names = firstLine.split(",").map((name) => name.trim().replace(/^"|"$/g, "").toLowerCase());
  if (names.includes("time") && names.includes("text")) return "csv";
  const bracketed = /^\[\s*([^\]]*)\]/.exec(firstLine)?.[1] ?? firstLine;
  if (LEADING_TIMESTAMP.test(bracketed) || LEADING_SYSLOG_TIME.test(bracketed)) return "log";
  return null;
}
