import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectFormat, ImportError, parseTimeline } from "../../shared/import";

const fixture = (name: string) =>
  fs.readFileSync(path.join(import.meta.dirname, "../fixtures/import", name), "utf8");
const board = { timeZone: "Europe/Berlin", reference: Date.parse("2026-11-02T13:00:00Z") };

function refusal(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error("expected an ImportError");
}

describe("detectFormat", () => {
  it("recognises each fixture", () => {
    expect(detectFormat(fixture("alert-timeline.csv"))).toBe("csv");
    expect(detectFormat(fixture("slack-export.json"))).toBe("slack");
    expect(detectFormat(fixture("service.log"))).toBe("log");
  });

  it("tells a bracketed log line from a JSON array", () => {
    expect(detectFormat("[2026-11-02 14:03:12] deploy started")).toBe("log");
    expect(detectFormat("[Nov  2 14:03:12] deploy started")).toBe("log");
    expect(detectFormat("  [ ]")).toBe("slack");
    expect(detectFormat('\n[\n  {"ts": "1"}]')).toBe("slack");
  });

  it("reads CSV headers in any case, quoted, after a byte order mark", () => {
    expect(detectFormat('\uFEFF"Time","Text","Source"\r\n')).toBe("csv");
    expect(detectFormat("text,time\n")).toBe("csv");
  });

  it("recognises ISO and syslog log lines", () => {
    expect(detectFormat("2026-11-02T14:03:12Z alert")).toBe("log");
    expect(detectFormat("2026-11-02 14:03:12+01:00 alert")).toBe("log");
    expect(detectFormat("Nov  2 14:03:12 web-3 nginx: up")).toBe("log");
  });

  it("gives up on anything else", () => {
    for (const content of ["", "hello", "when,what\n", '{"messages":[]}', "14:03 alert fired"]) {
      expect(detectFormat(content), content).toBeNull();
    }
  });
});

describe("parseTimeline", () => {
  it("detects the format and defaults each row's source to the format name", () => {
    const csv = parseTimeline({
      format: "auto",
      content: "time,text\n2026-11-02 14:03,Alert",
      ...board,
    });
    expect(csv).toEqual({
      format: "csv",
      rows: [{ line: 2, at: Date.parse("2026-11-02T13:03:00Z"), text: "Alert", source: "csv" }],
    });
    const log = parseTimeline({ format: "auto", content: fixture("service.log"), ...board });
    expect(log.format).toBe("log");
    expect(new Set(log.rows.map((row) => row.source))).toEqual(new Set(["log"]));
  });

  it("uses the request's source for rows without one", () => {
    const { rows } = parseTimeline({
      format: "log",
      content: "2026-11-02T14:03:12Z alert",
      source: "datadog",
      ...board,
    });
    expect(rows[0]?.source).toBe("datadog");
    const slack = parseTimeline({
      format: "slack",
      content: fixture("slack-export.json"),
      source: "#inc",
      ...board,
    });
    expect(slack.rows[0]?.source).toBe("#inc: PagerDuty");
  });

  it("tolerates a byte order mark", () => {
    const content = `\uFEFF${fixture("alert-timeline.csv")}`;
    expect(parseTimeline({ format: "csv", content, ...board }).rows).toHaveLength(8);
  });

  it("parses as told, even when the content looks like another format", () => {
    const error = refusal(() =>
      parseTimeline({ format: "log", content: fixture("alert-timeline.csv"), ...board }),
    );
    expect(error.problems[0]).toMatchObject({
      line: 1,
      reason: expect.stringMatching(/does not start with a time/),
    });
  });

  it("refuses content it cannot place, and content without rows", () => {
    expect(
      refusal(() => parseTimeline({ format: "auto", content: "hello", ...board })).message,
    ).toMatch(/^cannot tell the format: expected CSV with the header "time,text\[,source\]"/);
    expect(
      refusal(() => parseTimeline({ format: "csv", content: "time,text\n", ...board })).message,
    ).toBe("nothing to import: the content has no rows");
    expect(refusal(() => parseTimeline({ format: "slack", content: "[]", ...board })).message).toBe(
      "nothing to import: the content has no rows",
    );
  });

  it("refuses content over 2 MiB (counted in UTF-8 bytes) as too large", () => {
    const line = "2026-11-02T14:03:12Z ".padEnd(100, "x");
    const justUnder = `${line}\n`.repeat(Math.floor((2 * 1024 * 1024) / 101));
    expect(() => parseTimeline({ format: "log", content: justUnder, ...board })).toThrow(
      /too many rows/,
    );
    // Three bytes per character: under 2 Mi characters, over 2 MiB.
    const wide = `2026-11-02T14:03:12Z ${"€".repeat(800_000)}`;
    const error = refusal(() => parseTimeline({ format: "log", content: wide, ...board }));
    expect(error.tooLarge).toBe(true);
    expect(error.message).toBe(
      "content is 2.3 MiB; one import takes at most 2.0 MiB; split the file",
    );
  });
});
