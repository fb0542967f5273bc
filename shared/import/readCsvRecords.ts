/** One CSV record: the 1-based line it starts on, its fields, and a syntax problem if any. */
export type CsvRecord = { line: number; fields: string[]; error?: string };

/**
 * Splits CSV text into records per RFC 4180: fields separated by commas; a field in double quotes
 * may hold commas, line breaks and doubled quotes (""); records end at CRLF, LF or CR. Line
 * breaks inside quoted fields read as "\n". Lines are counted as an editor shows them, so errors
 * can point at the line the user sees.
 *
 * A stray character after a closing quote marks that record bad and parsing resumes on the next
 * line. A quote that is never closed swallows the rest of the file, so it ends parsing with a
 * last, bad record.
 */
export function readCsvRecords(content: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const n = content.length;
  let i = 0;
  let line = 1;

  // Consumes one line break at `i`, if any; true when it did.
  const lineBreak = (): boolean => {
    const c = content[i];
    if (c === "\r") {
      i += content[i + 1] === "\n" ? 2 : 1;
    } else if (c === "\n") {
      i += 1;
    } else {
      return false;
    }
    line++;
    return true;
  };

  while (i < n) {
    const record: CsvRecord = { line, fields: [] };
    records.push(record);
    for (;;) {
      if (content[i] === '"') {
        const opened = line;
        let field = "";
        i++;
        for (;;) {
          if (i >= n) {
            record.error = `a quoted field opened on line ${opened} is never closed`;
            return records;
          }
          const c = content[i];
          if (c === '"') {
            if (content[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (lineBreak()) {
            field += "\n";
            continue;
          }
          field += c;
          i++;
        }
        record.fields.push(field);
        const next = content[i];
        if (i < n && next !== "," && next !== "\r" && next !== "\n") {
          record.error = `unexpected ${JSON.stringify(next)} after a closing quote (write a quote inside a quoted field as "")`;
          while (i < n && !lineBreak()) i++;
          break;
        }
      } else {
        let end = i;
        while (end < n && content[end] !== "," && content[end] !== "\r" && content[end] !== "\n") {
          end++;
        }
        record.fields.push(content.slice(i, end));
        i = end;
      }
      if (content[i] === ",") {
        i++;
        continue;
      }
      lineBreak();
      break;
    }
  }
  return records;
}
