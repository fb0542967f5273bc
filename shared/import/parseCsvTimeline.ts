import { ProblemList, tooManyRows } from "./importError";
import { IMPORT_LIMITS } from "./importLimits";
import { parseTimestamp } from "./parseTimestamp";
import { type CsvRecord, readCsvRecords } from "./readCsvRecords";
import { cleanText, textProblem } from "./rowChecks";
import type { ParseContext, TimelineRow } from "./timelineRow";

const COLUMNS = ["time", "text", "source"] as const;
type Column = (typeof COLUMNS)[number];

const HEADER_HINT = 'the first row must be the header "time,text" or "time,text,source"';

// Spreadsheets pad exports with empty rows (",,"); they carry nothing, so they are not errors.
function isBlank(record: CsvRecord): boolean {
  return record.fields.every((field) => field.trim() === "");
}

/** Maps header names to column indexes, or records why the header is unusable. */
function readHeader(header: CsvRecord, problems: ProblemList): Map<Column, number> | null {
  const columns = new Map<Column, number>();
  header.fields.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    if (!(COLUMNS as readonly string[]).includes(name)) {
      problems.add(header.line, `unknown column ${JSON.stringify(raw.trim())}; ${HEADER_HINT}`);
    } else if (columns.has(name as Column)) {
      problems.add(header.line, `column "${name}" appears twice`);
    } else {
      columns.set(name as Column, index);
    }
  });
  for (const required of ["time", "text"] as const) {
    if (!columns.has(required))
      problems.add(header.line, `no "${required}" column; ${HEADER_HINT}`);
  }
  return problems.count === 0 ? columns : null;
}

/**
 * Parses CSV with a header row naming the columns `time`, `text` and optionally `source` (any
 * order, any case). Times: see `parseTimestamp`. Throws an ImportError listing bad rows.
 */
export function parseCsvTimeline(content: string, context: ParseContext): TimelineRow[] {
  const problems = new ProblemList();
  const records = readCsvRecords(content).filter((record) => !isBlank(record));
  const header = records[0];
  if (!header) {
    problems.add(null, `the file is empty; ${HEADER_HINT}`);
    problems.throwIfAny();
    return [];
  }
  if (header.error) problems.add(header.line, header.error);
  const columns = readHeader(header, problems);
  problems.throwIfAny();
  if (!columns) return [];

  const data = records.slice(1);
  if (data.length > IMPORT_LIMITS.rows) tooManyRows();
  const rows: TimelineRow[] = [];
  for (const record of data) {
    const { line, fields } = record;
    if (record.error) {
      problems.add(line, record.error);
      continue;
    }
    if (fields.length !== header.fields.length) {
      problems.add(
        line,
        `expected ${header.fields.length} fields like the header, found ${fields.length} (quote a text that contains commas)`,
      );
      continue;
    }
    const field = (column: Column) => {
      const index = columns.get(column);
      return index === undefined ? "" : (fields[index] ?? "");
    };
    const time = parseTimestamp(field("time"), context.timeZone);
    if (!time.ok) problems.add(line, time.reason);
    const text = cleanText(field("text"));
    const badText = textProblem(text);
    if (badText) problems.add(line, badText);
    const source = field("source").trim() || context.source;
    if (source.length > IMPORT_LIMITS.sourceLength) {
      problems.add(line, `source is longer than ${IMPORT_LIMITS.sourceLength} characters`);
    }
    if (time.ok && !badText) rows.push({ line, at: time.at, text, source });
  }
  problems.throwIfAny();
  return rows;
}
