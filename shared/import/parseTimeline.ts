import { detectFormat } from "./detectFormat";
import { ImportError } from "./importError";
import { IMPORT_LIMITS } from "./importLimits";
import { parseCsvTimeline } from "./parseCsvTimeline";
import { parseLogLines } from "./parseLogLines";
import { parseSlackExport } from "./parseSlackExport";
import type { ImportFormat, TimelineRow } from "./timelineRow";

export type TimelineImportInput = {
  format: ImportFormat | "auto";
  content: string;
  /** Source for rows without their own; defaults to the format name. */
  source?: string;
  /** The board's IANA time zone. */
  timeZone: string;
  /** Epoch ms near the incident (its start, else now): picks the year of syslog times. */
  reference: number;
};

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    // A surrogate pair (4 bytes in UTF-8) is two code units of 2 bytes each.
    else if (code >= 0xd800 && code <= 0xdfff) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}

function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/**
 * Validates and parses a whole import into rows, or throws an ImportError naming every bad line
 * (up to a limit) and nothing else: either all rows are good or none is used.
 */
export function parseTimeline(input: TimelineImportInput): {
  format: ImportFormat;
  rows: TimelineRow[];
} {
  const bytes = utf8Length(input.content);
  if (bytes > IMPORT_LIMITS.contentBytes) {
    throw new ImportError(
      [
        {
          line: null,
          reason: `content is ${mib(bytes)}; one import takes at most ${mib(IMPORT_LIMITS.contentBytes)}; split the file`,
        },
      ],
      true,
    );
  }
  // Editors on Windows save UTF-8 with a byte order mark; it is not part of the first line.
  const content = input.content.replace(/^\uFEFF/, "");
  const format = input.format === "auto" ? detectFormat(content) : input.format;
  if (format === null) {
    throw new ImportError([
      {
        line: null,
        reason:
          'cannot tell the format: expected CSV with the header "time,text[,source]", a Slack export (a JSON array of messages) or log lines starting with a time',
      },
    ]);
  }
  const context = { timeZone: input.timeZone, source: input.source ?? format };
  const rows =
    format === "csv"
      ? parseCsvTimeline(content, context)
      : format === "slack"
        ? parseSlackExport(content, context)
        : parseLogLines(content, { ...context, reference: input.reference });
  if (rows.length === 0) {
    throw new ImportError([{ line: null, reason: "nothing to import: the content has no rows" }]);
  }
  return { format, rows };
}
