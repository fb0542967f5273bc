import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ImportError, parseLogLines } from "../../shared/import";

const fixture = (name: string) =>
  fs.readFileSync(path.join(import.meta.dirname, "../fixtures/import", name), "utf8");
const INCIDENT = Date.parse("2026-11-02T13:05:00Z");
const context = { timeZone: "Europe/Berlin", source: "log", reference: INCIDENT };

function refusal(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error("expected an ImportError");
}

describe("parseLogLines", () => {
  it("reads a log excerpt: ISO, bracketed and syslog times, indented continuation lines", () => {
    expect(parseLogLines(fixture("service.log"), context)).toEqual([
      {
        line: 1,
        at: Date.parse("2026-11-02T13:03:12Z"),
        text: "checkout-service ERROR payment gateway timeout after 5000 ms",
        source: "log",
      },
      {
        line: 2,
        at: Date.parse("2026-11-02T13:03:13.250Z"),
        text: "checkout-service ERROR POST /api/cart 502\nat PaymentClient.charge (payment.ts:88)\nat CartController.checkout (cart.ts:141)",
        source: "log",
      },
      {
        line: 6,
        at: Date.parse("2026-11-02T13:05:00Z"),
        text: "deploy: rollback of checkout-service to v4.11.3 requested by ana",
        source: "log",
      },
      {
        line: 7,
        at: Date.parse("2026-11-02T13:07:30Z"),
        text: "deploy: rollback finished",
        source: "log",
      },
      {
        line: 8,
        at: Date.parse("2026-11-02T13:09:02Z"),
        text: "web-3 nginx[811]: upstream checkout recovered",
        source: "log",
      },
    ]);
  });

  it("refuses a line that does not start with a time, naming it", () => {
    const error = refusal(() => parseLogLines(fixture("service-bad.log"), context));
    expect(error.problems).toHaveLength(1);
    expect(error.message).toMatch(
      /^line 3: does not start with a time; a log line starts with a time like/,
    );
  });

  it("refuses an indented line before any entry and a line with only a time", () => {
    const error = refusal(() => parseLogLines("  orphan\n2026-11-02T14:03:12Z\n", context));
    expect(error.message).toMatch(
      /^line 1: an indented line continues an entry, but no entry comes before it/,
    );
    expect(error.message).toContain("line 2: text is empty");
  });

  it("refuses an invalid leading time with the parser's reason", () => {
    const error = refusal(() =>
      parseLogLines("2026-11-02 14:03:12 ok\n[2026-02-30 10:00:00] bad\n", context),
    );
    expect(error.message).toBe('line 2: time "2026-02-30 10:00:00" is not a valid date');
  });

  it("reads times without an offset in the board's zone and refuses ones in a DST gap", () => {
    expect(parseLogLines("2026-07-01 09:00:00 up", context)[0]?.at).toBe(
      Date.parse("2026-07-01T07:00:00Z"),
    );
    expect(refusal(() => parseLogLines("2026-03-29 02:30:00 nope", context)).message).toMatch(
      /^line 1: time "2026-03-29 02:30:00" does not exist in Europe\/Berlin/,
    );
  });

  it("strips one separator after the time and accepts comma fractions (log4j)", () => {
    const rows = parseLogLines(
      "2026-11-02 14:03:12,345 | INFO started\n2026-11-02T14:03:13Z: - dash kept",
      context,
    );
    expect(rows.map((row) => [row.at, row.text])).toEqual([
      [Date.parse("2026-11-02T13:03:12.345Z"), "INFO started"],
      [Date.parse("2026-11-02T14:03:13Z"), "- dash kept"],
    ]);
  });

  describe("syslog times (no year)", () => {
    it("take the year that puts them closest to the reference", () => {
      const rows = parseLogLines("Nov  2 14:03:12 host a\n[Nov 2 14:04:00] host b", context);
      expect(rows.map((row) => row.at)).toEqual([
        Date.parse("2026-11-02T13:03:12Z"),
        Date.parse("2026-11-02T13:04:00Z"),
      ]);
    });

    it("span New Year's Eve around an incident that did", () => {
      const reference = Date.parse("2026-12-31T23:50:00Z");
      const rows = parseLogLines("Dec 31 23:58:00 a\nJan  1 00:02:00 b", {
        ...context,
        timeZone: "UTC",
        reference,
      });
      expect(rows.map((row) => new Date(row.at).toISOString())).toEqual([
        "2026-12-31T23:58:00.000Z",
        "2027-01-01T00:02:00.000Z",
      ]);
    });

    it("land in last year when read early in January without an incident start", () => {
      const reference = Date.parse("2027-01-03T10:00:00Z");
      const rows = parseLogLines("Dec 30 12:00:00 a", { ...context, timeZone: "UTC", reference });
      expect(new Date(rows[0]?.at ?? 0).toISOString()).toBe("2026-12-30T12:00:00.000Z");
    });

    it("refuse a date no nearby year has", () => {
      expect(refusal(() => parseLogLines("Feb 29 10:00:00 a", context)).message).toBe(
        'line 1: time "Feb 29 10:00:00" is not a valid date',
      );
    });
  });
});
