import { describe, expect, it } from "vitest";
import { buildReport, renderHtml, renderMarkdown } from "../../shared/report";
import { formatDifference, formatDuration } from "../../shared/report/reportText";
import { toInstant } from "../../shared/report/zonedTime";
import { MINUTE, newBoard, put } from "../fixtures/report/boards";

// Europe/Berlin leaves summer time on the last Sunday of October: at 03:00 CEST (01:00 UTC) the
// clocks go back to 02:00 CET, so every wall time from 02:00 to 02:59 happens twice.
const BACK = Date.parse("2026-10-25T01:00:00Z");

describe("report times", () => {
  it("reads an instant on the board's wall clock with that moment's offset", () => {
    expect(toInstant(BACK - 30 * MINUTE, "Europe/Berlin")).toEqual({
      at: BACK - 30 * MINUTE,
      iso: "2026-10-25T02:30:00+02:00",
      date: "2026-10-25",
      time: "02:30",
      offset: "+02:00",
    });
    expect(toInstant(BACK + 30 * MINUTE, "Europe/Berlin").iso).toBe("2026-10-25T02:30:00+01:00");
    expect(toInstant(Date.parse("2026-03-08T07:00:00Z"), "America/New_York").iso).toBe(
      "2026-03-08T03:00:00-04:00",
    );
    expect(toInstant(Date.parse("2026-03-08T06:59:00Z"), "America/New_York").iso).toBe(
      "2026-03-08T01:59:00-05:00",
    );
    expect(toInstant(Date.parse("2026-06-01T00:00:00Z"), "Asia/Kathmandu").iso).toBe(
      "2026-06-01T05:45:00+05:45",
    );
    expect(toInstant(Date.parse("2026-01-01T12:00:59.999Z"), "UTC").time).toBe("12:00");
  });

  it("orders the twice-lived hour by real time, not by wall-clock time", () => {
    const doc = newBoard({ timezone: "Europe/Berlin" });
    const late = put(doc, "ana", BACK + 15 * MINUTE, "02:15 in winter time", "observation");
    const early = put(doc, "ben", BACK - 15 * MINUTE, "02:45 in summer time", "action");
    const fact = put(doc, "timeline", BACK - 50 * MINUTE, "02:10 in summer time");
    const report = buildReport(doc, null);
    expect(report.cards.map((card) => [card.id, card.time.time, card.time.offset])).toEqual([
      [fact, "02:10", "+02:00"],
      [early, "02:45", "+02:00"],
      [late, "02:15", "+01:00"],
    ]);
    expect(report.offsets).toEqual(["+02:00", "+01:00"]);
    expect(report.timeline.map((group) => group.offsetChanged)).toEqual([false, false, true]);
  });

  it("shows the offset where it changes, in Markdown and HTML", () => {
    const doc = newBoard({ timezone: "Europe/Berlin" });
    put(doc, "timeline", BACK - 30 * MINUTE, "Summer");
    put(doc, "timeline", BACK + 30 * MINUTE, "Winter");
    const report = buildReport(doc, null);
    const md = renderMarkdown(report);
    expect(md).toContain(
      "Time zone:** Europe/Berlin (UTC+02:00, then UTC+01:00 after the clocks changed)",
    );
    expect(md).toContain("| **02:30**<br>UTC+02:00 | Summer |");
    expect(md).toContain("| **02:30**<br>UTC+01:00 | Winter |");
    const html = renderHtml(report);
    expect(html).toContain(
      '<time datetime="2026-10-25T02:30:00+02:00">02:30</time><span class="offset">UTC+02:00</span>',
    );
    expect(html).toContain(
      '<time datetime="2026-10-25T02:30:00+01:00">02:30</time><span class="offset">UTC+01:00</span>',
    );
  });

  it("states a single offset once when the clocks do not change", () => {
    const doc = newBoard({ timezone: "America/New_York" });
    put(doc, "timeline", Date.parse("2026-07-01T18:00:00Z"), "Summer only");
    const md = renderMarkdown(buildReport(doc, null));
    expect(md).toContain("Times are America/New\\_York (UTC-04:00). All on Wednesday 1 July 2026.");
    expect(md).not.toContain("<br>UTC");
  });

  it("measures the incident across a DST change in real elapsed time", () => {
    const doc = newBoard({
      timezone: "Europe/Berlin",
      incidentStart: "2026-10-25T01:30:00+02:00",
      incidentEnd: "2026-10-25T03:30:00+01:00",
    });
    const report = buildReport(doc, null);
    expect(report.incident.durationMs).toBe(3 * 60 * MINUTE);
    expect(renderMarkdown(report)).toContain(
      "**Incident:** Sunday 25 October 2026, 01:30 (UTC+02:00) – 03:30 (UTC+01:00)",
    );
  });

  it("reads incident times given in another offset on the board's clock", () => {
    const doc = newBoard({ timezone: "Asia/Tokyo", incidentStart: "2026-11-03T23:30:00Z" });
    const report = buildReport(doc, null);
    expect(report.incident.start?.iso).toBe("2026-11-04T08:30:00+09:00");
    expect(renderMarkdown(report)).toContain(
      "From Wednesday 4 November 2026, 08:30; the end is not recorded",
    );
  });

  it("starts a new date heading after midnight, and dates cards off the incident's day", () => {
    const doc = newBoard({ timezone: "Europe/Berlin", incidentStart: "2026-11-03T23:50:00+01:00" });
    put(doc, "ana", Date.parse("2026-11-03T23:55:00+01:00"), "Before midnight");
    put(doc, "ana", Date.parse("2026-11-04T00:05:00+01:00"), "After midnight");
    const report = buildReport(doc, null);
    expect(report.timeline.map((group) => group.dateChanged)).toEqual([true, true]);
    const md = renderMarkdown(report);
    expect(md).toContain("### Tuesday 3 November 2026");
    expect(md).toContain("### Wednesday 4 November 2026");
    expect(md).toContain("- **23:55** saw: Before midnight");
    expect(md).toContain("- **4 Nov 00:05** saw: After midnight");
  });

  it("formats durations and plan differences for people", () => {
    expect(formatDuration(45_000)).toBe("45 s");
    expect(formatDuration(12 * MINUTE + 30_000)).toBe("13 min");
    expect(formatDuration(12 * MINUTE + 30_000, true)).toBe("12 min 30 s");
    expect(formatDuration(125 * MINUTE)).toBe("2 h 5 min");
    expect(formatDuration(120 * MINUTE)).toBe("2 h");
    expect(formatDuration(27 * 60 * MINUTE)).toBe("1 d 3 h");
    expect(formatDifference(12 * MINUTE, 10 * MINUTE)).toBe("+2 min");
    expect(formatDifference(9 * MINUTE, 10 * MINUTE)).toBe("−1 min");
    expect(formatDifference(10 * MINUTE + 20_000, 10 * MINUTE)).toBe("as planned");
  });
});
