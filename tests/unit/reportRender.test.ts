import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { checkLanguage } from "../../shared/language";
import {
  buildReport,
  type Report,
  renderHtml,
  renderJson,
  renderMarkdown,
  reportFileName,
  reportSchema,
} from "../../shared/report";
import { HEADINGS, INTROS, KIND_LABELS, KIND_VERBS } from "../../shared/report/reportText";
import { MINUTE, newBoard, put, T0 } from "../fixtures/report/boards";
import {
  buildFixtureBoardDoc,
  buildFixtureMeetingDoc,
  FIXTURE_GENERATED_AT,
} from "../fixtures/report/fixtureBoard";
import { buildLargeBoardDoc } from "../fixtures/report/largeBoard";

const fixtures = path.resolve(import.meta.dirname, "../fixtures/report");

/** Compares with a stored golden file; UPDATE_GOLDEN=1 rewrites it instead. */
function expectGolden(name: string, actual: string): void {
  const file = path.join(fixtures, name);
  if (process.env.UPDATE_GOLDEN === "1") {
    fs.writeFileSync(file, actual);
    return;
  }
  if (!fs.existsSync(file)) throw new Error(`${name} is missing: run with UPDATE_GOLDEN=1`);
  expect(actual, `${name} differs; if the change is intended, run with UPDATE_GOLDEN=1`).toBe(
    fs.readFileSync(file, "utf8"),
  );
}

const fixtureReport = () =>
  buildReport(buildFixtureBoardDoc(), buildFixtureMeetingDoc(), {
    generatedAt: FIXTURE_GENERATED_AT,
  });

describe("the fixture board's report", () => {
  it("renders Markdown as in the golden file", () => {
    expectGolden("fixture.golden.md", renderMarkdown(fixtureReport()));
  });

  it("renders HTML as in the golden file", () => {
    expectGolden("fixture.golden.html", renderHtml(fixtureReport()));
  });

  it("renders JSON that parses back into the same report", () => {
    const report = fixtureReport();
    expect(reportSchema.parse(JSON.parse(renderJson(report)))).toEqual(report);
  });

  it("keeps rich text structure: paragraphs, lists, bold, italic, code and links", () => {
    const report = fixtureReport();
    const md = renderMarkdown(report);
    expect(md).toContain("Between **22:52 and 23:34** about");
    expect(md).toContain("(`price-sync`)");
    expect(md).toContain(
      "- Dashboard: [checkout overview](<https://grafana.example.com/d/checkout>)",
    );
    expect(md).toContain(
      "  - a retry storm from the new `payments-client` library\n  - a slow *provider* region",
    );
    expect(md).toMatch(/```\nUPDATE prices SET amount = \$1/);
    const html = renderHtml(report);
    expect(html).toContain("<p>Between <strong>22:52 and 23:34</strong> about");
    expect(html).toContain(
      '<li>Dashboard: <a href="https://grafana.example.com/d/checkout" rel="noopener noreferrer">checkout overview</a></li>',
    );
    expect(html).toContain("<li>a slow <em>provider</em> region</li>");
    expect(html).toContain("<pre><code>UPDATE prices SET amount = $1");
  });

  it("has no “root cause” heading, even where people wrote the words", () => {
    const report = fixtureReport();
    const md = renderMarkdown(report);
    expect(md).toContain("root cause");
    expect(
      md
        .split("\n")
        .filter((line) => line.startsWith("#"))
        .join("\n"),
    ).not.toMatch(/cause/i);
    expect(renderHtml(report)).not.toMatch(/<h[1-6][^>]*>[^<]*cause/i);
  });
});

describe("the report's own wording", () => {
  it("passes the blameless-language check", () => {
    const fixed = [
      ...Object.values(HEADINGS),
      ...Object.values(INTROS),
      ...Object.values(KIND_LABELS),
      ...Object.values(KIND_VERBS),
    ];
    for (const text of fixed) expect(checkLanguage(text), text).toEqual([]);
    // And everything an empty board's report says, which is all fixed text.
    const empty = buildReport(newBoard({}, []), null, { generatedAt: 0 });
    expect(checkLanguage(renderMarkdown(empty))).toEqual([]);
  });
});

describe("reports of unusual boards", () => {
  it("render an empty board in every format", () => {
    const report = buildReport(newBoard({}, []), null, { generatedAt: 0 });
    const md = renderMarkdown(report);
    for (const sentence of [
      INTROS.summaryEmpty,
      INTROS.timelineEmpty,
      INTROS.noParticipants,
      INTROS.factorsEmpty,
      INTROS.helpedEmpty,
      INTROS.improvementsEmpty,
      INTROS.newToUsEmpty,
      INTROS.meetingNone,
    ]) {
      expect(md).toContain(sentence.replace(/\./g, "."));
    }
    expect(md).toContain("**Incident:** Not recorded");
    expect(renderHtml(report)).toContain(INTROS.meetingNone);
    expect(reportSchema.safeParse(JSON.parse(renderJson(report))).success).toBe(true);
  });

  it("render cards without text as “(no text)”", () => {
    const doc = newBoard();
    put(doc, "ana", T0, "", "observation");
    put(doc, "timeline", T0 + MINUTE, "   ");
    const report = buildReport(doc, null);
    expect(report.cards.map((card) => card.blocks)).toEqual([[], []]);
    expect(renderMarkdown(report).match(/\*\\?\(no text\\?\)\*/g)?.length).toBeGreaterThanOrEqual(
      3,
    );
    expect(renderHtml(report)).toContain('<p class="empty">(no text)</p>');
  });

  it("render a board whose timeline runs without an incident window", () => {
    const doc = newBoard();
    put(doc, "ana", T0, "First");
    put(doc, "ana", T0 + 90 * MINUTE, "Last");
    expect(renderMarkdown(buildReport(doc, null))).toContain(
      "**Incident:** Not recorded; the timeline runs from Tuesday 3 November 2026, 14:00 to 15:30",
    );
  });

  describe("a 3,000-card board", () => {
    let doc: Y.Doc;
    let report: Report;
    beforeAll(() => {
      doc = buildLargeBoardDoc(3000);
      report = buildReport(doc, null, { generatedAt: 0 });
    }, 60_000);

    it("lists every card in the model, the timeline and the perspectives", () => {
      expect(report.cards).toHaveLength(3000);
      const grouped = report.timeline.flatMap((g) => [...g.factIds, ...g.perspectiveIds]);
      expect(new Set(grouped).size).toBe(3000);
      const onLanes = report.perspectives.reduce((n, p) => n + p.cardIds.length, 0);
      expect(onLanes + report.cards.filter((c) => c.lane.kind === "timeline").length).toBe(3000);
    });

    it("renders all three formats with every card in them", () => {
      const md = renderMarkdown(report);
      const html = renderHtml(report);
      expect(reportSchema.safeParse(JSON.parse(renderJson(report))).success).toBe(true);
      for (const i of [0, 1499, 2999]) {
        expect(md).toContain(`Card ${i}: `);
        expect(html).toContain(`id="card-card${i}"`);
      }
    });
  });
});

describe("reportFileName", () => {
  it("slugifies the title for a plain ASCII name and keeps letters of any script for filename*", () => {
    expect(reportFileName("Checkout outage", "md")).toEqual({
      ascii: "checkout-outage-postmortem.md",
      unicode: "checkout-outage-postmortem.md",
    });
    expect(reportFileName("Störung: Kasse / Zahlung!", "html")).toEqual({
      ascii: "storung-kasse-zahlung-postmortem.html",
      unicode: "störung-kasse-zahlung-postmortem.html",
    });
    expect(reportFileName("障害 報告", "json")).toEqual({
      ascii: "incident-postmortem.json",
      unicode: "障害-報告-postmortem.json",
    });
    expect(reportFileName('"><script>', "md").ascii).toBe("script-postmortem.md");
    expect(reportFileName("x".repeat(300), "md").ascii).toHaveLength(60 + "-postmortem.md".length);
  });
});
