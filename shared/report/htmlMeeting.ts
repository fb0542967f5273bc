import { LANGUAGE_CATEGORY_LABELS } from "../language";
import type { Cards } from "./htmlCards";
import { escapeHtml } from "./htmlText";
import {
  cardTimeLabel,
  describeMeetingDay,
  formatDifference,
  formatDuration,
  HEADINGS,
  INTROS,
  type TimeContext,
} from "./reportText";
import type { LanguageFinding, Report } from "./reportTypes";

// The two facilitator-facing sections: how the meeting ran, and the language review.

const nbsp = (text: string) => escapeHtml(text).replace(/ /g, "&nbsp;");

export function meetingHtml(report: Report): string {
  const m = report.meeting;
  if (m === null) return `<p class="intro">${escapeHtml(INTROS.meetingNone)}</p>`;
  if (m.runs.length === 0) return `<p class="intro">${escapeHtml(INTROS.meetingLobby)}</p>`;
  const held = ` ${escapeHtml(describeMeetingDay(m))}`;
  const rows = m.runs.map((run) => {
    const over = run.actualMs !== null && run.actualMs - run.plannedMs >= 30_000;
    return (
      `<tr><td>${escapeHtml(run.title)}</td><td class="num"><time datetime="${run.startedAt.iso}">${run.startedAt.time}</time></td>` +
      `<td class="num">${nbsp(formatDuration(run.plannedMs, true))}</td>` +
      `<td class="num">${run.actualMs === null ? "running" : nbsp(formatDuration(run.actualMs, true))}</td>` +
      `<td class="num${over ? " over" : ""}">${run.actualMs === null ? "—" : nbsp(formatDifference(run.actualMs, run.plannedMs))}</td></tr>`
    );
  });
  const skipped =
    m.skipped.length > 0
      ? `<p class="meta">Not held: ${m.skipped.map((s) => `${escapeHtml(s.title)} (${formatDuration(s.plannedMs)})`).join(", ")}.</p>`
      : "";
  return (
    `<p class="intro">${escapeHtml(INTROS.meeting)}${held}</p>` +
    `<table class="meeting"><thead><tr><th scope="col">Phase</th><th scope="col" class="num">Started</th>` +
    `<th scope="col" class="num">Planned</th><th scope="col" class="num">Actual</th><th scope="col" class="num">Difference</th></tr></thead>` +
    `<tbody>${rows.join("")}</tbody><tfoot><tr><th scope="row">Total</th><td></td>` +
    `<td class="num">${nbsp(formatDuration(m.plannedMs, true))}</td><td class="num">${nbsp(formatDuration(m.actualMs, true))}</td>` +
    `<td class="num">${nbsp(formatDifference(m.actualMs, m.plannedMs))}</td></tr></tfoot></table>${skipped}`
  );
}

function categoryLabel(category: string): string {
  return (LANGUAGE_CATEGORY_LABELS as Record<string, string>)[category] ?? category;
}

// The phrase is marked inside its excerpt; the excerpt is the source text shortened around it.
function markedExcerpt(finding: LanguageFinding): string {
  const at = finding.excerpt.toLowerCase().indexOf(finding.phrase.toLowerCase());
  if (at < 0) return escapeHtml(finding.excerpt);
  const end = at + finding.phrase.length;
  const { excerpt } = finding;
  return `${escapeHtml(excerpt.slice(0, at))}<mark>${escapeHtml(excerpt.slice(at, end))}</mark>${escapeHtml(excerpt.slice(end))}`;
}

function findingPlace(
  finding: LanguageFinding,
  report: Report,
  cards: Cards,
  context: TimeContext,
) {
  const { source } = finding;
  if (source.type === "notes") return `<a href="#summary">${HEADINGS.summary}</a>`;
  if (source.type === "improvement") {
    const item = report.improvements.find((i) => i.id === source.improvementId);
    return `<a href="#improvements">Improvement</a>${item ? `: ${escapeHtml(item.title)}` : ""}`;
  }
  const card = cards.get(source.cardId);
  if (!card) return "Card";
  return `<a href="#card-${escapeHtml(card.id)}">${escapeHtml(card.lane.name)}, ${cardTimeLabel(card.time, context)}</a>`;
}

export function languageHtml(report: Report, cards: Cards, context: TimeContext): string {
  const review = report.languageReview;
  if (review === null) return `<p class="intro">${escapeHtml(INTROS.languageOff)}</p>`;
  const intro = `<p class="intro">${escapeHtml(INTROS.language)}</p>`;
  if (review.count === 0) return `${intro}<p>${escapeHtml(INTROS.languageEmpty)}</p>`;
  const phrases = review.phrases.map(
    (p) =>
      `<tr><td><q>${escapeHtml(p.phrase)}</q></td><td>${escapeHtml(categoryLabel(p.category))}</td>` +
      `<td class="num">${p.count}</td><td>${escapeHtml(p.suggestion)}</td></tr>`,
  );
  const findings = review.findings.map(
    (f) =>
      `<tr><td class="place">${findingPlace(f, report, cards, context)}</td><td>${markedExcerpt(f)}</td><td>${escapeHtml(f.suggestion)}</td></tr>`,
  );
  const count = `${review.count} ${review.count === 1 ? "phrase" : "phrases"} flagged, ${review.phrases.length} distinct.`;
  return (
    `${intro}<p><strong>${count}</strong></p>` +
    `<table class="phrases"><thead><tr><th scope="col">Phrase</th><th scope="col">Kind</th><th scope="col" class="num">Times</th><th scope="col">Try instead</th></tr></thead><tbody>${phrases.join("")}</tbody></table>` +
    `<h3>Where</h3><table class="findings"><thead><tr><th scope="col">Where</th><th scope="col">Wording</th><th scope="col">Try instead</th></tr></thead><tbody>${findings.join("")}</tbody></table>`
  );
}
