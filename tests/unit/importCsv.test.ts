import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ImportError, parseCsvTimeline, readCsvRecords } from "../../shared/import";

const fixture = (name: string) =>
  fs.readFileSync(path.join(import.meta.dirname, "../fixtures/import", name), "utf8");
const context = { timeZone: "Europe/Berlin", source: "csv" };

/** The ImportError `run` throws (fails the test when it throws none). */
function refusal(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error("expected an ImportError");
}

describe("readCsvRecords", () => {
  it("splits on commas and line breaks (LF, CRLF, CR)", () => {
    expect(readCsvRecords("a,b\r\nc,d\ne,f\rg,h")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["c", "d"] },
      { line: 3, fields: ["e", "f"] },
      { line: 4, fields: ["g", "h"] },
    ]);
  });

  it("reads quoted fields with commas, doubled quotes and line breaks", () => {
    expect(readCsvRecords('"a, b","say ""hi""","one\r\ntwo"\nnext,"",x')).toEqual([
      { line: 1, fields: ["a, b", 'say "hi"', "one\ntwo"] },
      { line: 3, fields: ["next", "", "x"] },
    ]);
  });

  it("keeps empty fields, including a trailing one", () => {
    expect(readCsvRecords("a,,\n,")).toEqual([
      { line: 1, fields: ["a", "", ""] },
      { line: 2, fields: ["", ""] },
    ]);
  });

  it("marks a stray character after a closing quote and resumes on the next line", () => {
    const records = readCsvRecords('"a"b,c\nd,e');
    expect(records[0]).toMatchObject({
      line: 1,
      error: expect.stringMatching(/unexpected "b" after a closing quote/),
    });
    expect(records[1]).toEqual({ line: 2, fields: ["d", "e"] });
  });

  it("reports a quote that is never closed with the line it opened on", () => {
    const records = readCsvRecords('a,b\nc,"never\nclosed');
    expect(records.at(-1)).toMatchObject({
      line: 2,
      error: "a quoted field opened on line 2 is never closed",
    });
  });
});

describe("parseCsvTimeline", () => {
  it("reads a realistic alert timeline", () => {
    const rows = parseCsvTimeline(fixture("alert-timeline.csv"), context);
    expect(rows).toEqual([
      {
        line: 2,
        at: Date.parse("2026-11-02T12:58:04Z"),
        text: "Deploy of checkout-service v4.12.0 started",
        source: "deploy-bot",
      },
      {
        line: 3,
        at: Date.parse("2026-11-02T13:03:12Z"),
        text: "PagerDuty: [FIRING] checkout error rate 7.2% > 5% (P1)",
        source: "pagerduty",
      },
      {
        line: 4,
        at: Date.parse("2026-11-02T13:04:30Z"),
        text: "Ana acknowledged the page",
        source: "pagerduty",
      },
      {
        line: 5,
        at: Date.parse("2026-11-02T13:06:00Z"),
        text: "Grafana: p99 latency of /api/cart at 2,400 ms (usually 180 ms)",
        source: "grafana",
      },
      {
        line: 6,
        at: Date.parse("2026-11-02T13:09:45Z"),
        text: 'Status page: "Degraded performance" posted for Checkout',
        source: "statuspage",
      },
      {
        line: 7,
        at: Date.parse("2026-11-02T13:12:00Z"),
        text: "Rollback to v4.11.3 started\n(decided in #inc-checkout, see the thread)",
        // An empty source cell falls back to the import's source.
        source: "csv",
      },
      {
        line: 9,
        at: Date.parse("2026-11-02T13:21:30Z"),
        text: "Error rate back under 1%",
        source: "pagerduty",
      },
      // Line 10 is blank and skipped; numbering still follows the file.
      {
        line: 11,
        at: Date.parse("2026-11-02T13:31:00Z"),
        text: "[RESOLVED] checkout error rate",
        source: "pagerduty",
      },
    ]);
  });

  it("reads CRLF line ends with the same line numbers", () => {
    const crlf = fixture("alert-timeline.csv").replace(/\n/g, "\r\n");
    const rows = parseCsvTimeline(crlf, context);
    expect(rows.map((row) => row.line)).toEqual([2, 3, 4, 5, 6, 7, 9, 11]);
    expect(rows[5]?.text).toBe(
      "Rollback to v4.11.3 started\n(decided in #inc-checkout, see the thread)",
    );
  });

  it("accepts the columns in any order and case, source optional", () => {
    const rows = parseCsvTimeline(" TEXT , Time\nAlert fired,2026-11-02 14:03\n", {
      timeZone: "UTC",
      source: "pagerduty-export",
    });
    expect(rows).toEqual([
      {
        line: 2,
        at: Date.parse("2026-11-02T14:03:00Z"),
        text: "Alert fired",
        source: "pagerduty-export",
      },
    ]);
  });

  it("skips empty spreadsheet rows", () => {
    const rows = parseCsvTimeline("time,text,source\n,,\n2026-11-02 14:03,Alert,\n ,,\n", context);
    expect(rows.map((row) => row.line)).toEqual([3]);
  });

  it("refuses the whole file over one bad date, naming its line as the user sees it", () => {
    const error = refusal(() => parseCsvTimeline(fixture("alert-timeline-bad-date.csv"), context));
    expect(error.message).toBe('line 7: time "2026-13-01 10:00" is not a valid date');
    expect(error.problems).toEqual([
      { line: 7, reason: 'time "2026-13-01 10:00" is not a valid date' },
    ]);
    expect(error.tooLarge).toBe(false);
  });

  it("lists every bad row: field count, unreadable time, empty text, stray quote, unclosed quote", () => {
    const error = refusal(() => parseCsvTimeline(fixture("alert-timeline-bad-rows.csv"), context));
    expect(error.problems.map((problem) => problem.line)).toEqual([3, 4, 5, 6, 7]);
    expect(error.message).toMatch(
      /^line 3: expected 2 fields like the header, found 3 \(quote a text/,
    );
    expect(error.message).toContain('line 4: time "yesterday at noon" is not a time we can read');
    expect(error.message).toContain("line 5: text is empty");
    expect(error.message).toContain('line 6: unexpected "b" after a closing quote');
    expect(error.message).toContain("line 7: a quoted field opened on line 7 is never closed");
  });

  it("refuses a missing or unknown header", () => {
    expect(refusal(() => parseCsvTimeline("2026-11-02 14:03,Alert\n", context)).message).toMatch(
      /^line 1: unknown column "2026-11-02 14:03"; the first row must be the header "time,text" or "time,text,source"/,
    );
    expect(refusal(() => parseCsvTimeline("time,message\n", context)).message).toMatch(
      /unknown column "message".*line 1: no "text" column/,
    );
    expect(refusal(() => parseCsvTimeline("time,text,Time\n", context)).message).toBe(
      'line 1: column "time" appears twice',
    );
    expect(refusal(() => parseCsvTimeline("\n\n", context)).message).toMatch(/^the file is empty/);
  });

  it("refuses a text longer than a card holds and a source longer than the model allows", () => {
    const long = "x".repeat(10_001);
    const error = refusal(() =>
      parseCsvTimeline(
        `time,text,source\n2026-11-02 14:03,${long},\n2026-11-02 14:04,ok,${"s".repeat(101)}\n`,
        context,
      ),
    );
    expect(error.message).toBe(
      "line 2: text is 10,001 characters; a card holds at most 10,000; line 3: source is longer than 100 characters",
    );
  });

  it("refuses more than 5,000 rows as too large", () => {
    const rows = Array.from({ length: 5_001 }, (_, i) => `2026-11-02T14:03:00Z,row ${i}`).join(
      "\n",
    );
    const error = refusal(() => parseCsvTimeline(`time,text\n${rows}`, context));
    expect(error.tooLarge).toBe(true);
    expect(error.message).toMatch(/too many rows: one import takes at most 5,000/);
  });

  it("stops listing after 20 problems and says how many more", () => {
    const rows = Array.from({ length: 25 }, (_, i) => `bad ${i},row`).join("\n");
    const error = refusal(() => parseCsvTimeline(`time,text\n${rows}`, context));
    expect(error.problems).toHaveLength(20);
    expect(error.message).toMatch(/; and 5 more problems$/);
  });
});
