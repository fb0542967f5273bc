import { type Cards, perspectivesHtml, timelineHtml } from "./htmlCards";
import { factorsHtml, helpedHtml, improvementsHtml, newToUsHtml } from "./htmlLists";
import { languageHtml, meetingHtml } from "./htmlMeeting";
import { blocksToHtml, escapeHtml } from "./htmlText";
import { REPORT_CSS } from "./reportCss";
import {
  describeParticipants,
  describeTimeZone,
  describeWindow,
  formatDuration,
  HEADINGS,
  INTROS,
  timeContext,
} from "./reportText";
import type { Report } from "./reportTypes";
import { formatDate } from "./zonedTime";

// Defence in depth for a file that will be opened from disk, mailed and printed: even if an
// escaping bug slipped through, the page may run no script and load nothing from anywhere.
const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

function headerHtml(report: Report): string {
  const rows: [string, string][] = [["Incident", describeWindow(report)]];
  if (report.incident.durationMs !== null) {
    rows.push(["Duration", formatDuration(report.incident.durationMs)]);
  }
  rows.push(
    ["Time zone", describeTimeZone(report)],
    ["Participants", describeParticipants(report)],
  );
  const facts = rows
    .map(([term, value]) => `<dt>${term}</dt><dd>${escapeHtml(value)}</dd>`)
    .join("");
  return (
    `<header class="masthead"><p class="eyebrow">Blameless post-mortem</p>` +
    `<h1>${escapeHtml(report.title)}</h1><dl class="particulars">${facts}</dl></header>`
  );
}

interface Section {
  id: string;
  heading: string;
  body: string;
}

function sections(report: Report): Section[] {
  const cards: Cards = new Map(report.cards.map((card) => [card.id, card]));
  const context = timeContext(report);
  const summary =
    report.summary.blocks.length === 0
      ? `<p class="intro">${escapeHtml(INTROS.summaryEmpty)}</p>`
      : `<div class="text notes">${blocksToHtml(report.summary.blocks, 3)}</div>`;
  const all: Section[] = [
    { id: "summary", heading: HEADINGS.summary, body: summary },
    { id: "what-happened", heading: HEADINGS.timeline, body: timelineHtml(report, cards, context) },
    {
      id: "perspectives",
      heading: HEADINGS.perspectives,
      body: perspectivesHtml(report, cards, context),
    },
    { id: "factors", heading: HEADINGS.factors, body: factorsHtml(report, cards, context) },
    { id: "helped", heading: HEADINGS.helped, body: helpedHtml(report, cards, context) },
    {
      id: "improvements",
      heading: HEADINGS.improvements,
      body: improvementsHtml(report, cards, context),
    },
    { id: "new-to-us", heading: HEADINGS.newToUs, body: newToUsHtml(report, cards, context) },
    { id: "meeting", heading: HEADINGS.meeting, body: meetingHtml(report) },
  ];
  if (report.languageReview !== null) {
    all.push({
      id: "language",
      heading: HEADINGS.language,
      body: languageHtml(report, cards, context),
    });
  }
  return all;
}

/** Renders the report as one self-contained, printable HTML page: inline CSS, no scripts. */
export function renderHtml(report: Report): string {
  const parts = sections(report);
  const toc = parts.map((s) => `<li><a href="#${s.id}">${s.heading}</a></li>`).join("");
  const body = parts
    .map(
      (s) =>
        `<section id="${s.id}" aria-labelledby="${s.id}-h"><h2 id="${s.id}-h">${s.heading}</h2>${s.body}</section>`,
    )
    .join("\n");
  const generated = `Exported from Debrief on ${formatDate(report.generatedAt.date)} at ${report.generatedAt.time} (${escapeHtml(report.timezone)}).`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="Debrief report v${report.version}">
<title>${escapeHtml(report.title)} · Post-mortem</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<article class="page">
${headerHtml(report)}
<nav class="toc" aria-label="Contents"><ol>${toc}</ol></nav>
${body}
<footer class="colophon"><p>${generated}</p></footer>
</article>
</body>
</html>
`;
}
