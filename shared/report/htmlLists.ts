import { type Cards, cardText, pick } from "./htmlCards";
import { escapeHtml } from "./htmlText";
import {
  cardExcerpt,
  cardTimeLabel,
  describeNewTo,
  formatShortDate,
  INTROS,
  STATUS_LABELS,
  type TimeContext,
} from "./reportText";
import type { Report, ReportCard } from "./reportTypes";

// The short card lists (factors, what helped, what was new) and the improvements table.

function where(card: ReportCard, context: TimeContext): string {
  return (
    `<p class="meta"><a href="#card-${escapeHtml(card.id)}">${escapeHtml(card.lane.name)}, ` +
    `${cardTimeLabel(card.time, context)}</a></p>`
  );
}

function list(
  tag: "ol" | "ul",
  className: string,
  items: ReportCard[],
  empty: string,
  intro: string,
  render: (card: ReportCard) => string,
): string {
  if (items.length === 0) return `<p class="intro">${escapeHtml(empty)}</p>`;
  return `<p class="intro">${escapeHtml(intro)}</p><${tag} class="${className}">${items.map((c) => `<li>${render(c)}</li>`).join("")}</${tag}>`;
}

export function factorsHtml(report: Report, cards: Cards, context: TimeContext): string {
  return list(
    "ol",
    "factors",
    pick(cards, report.factorIds),
    INTROS.factorsEmpty,
    INTROS.factors,
    (card) => {
      const votes = `<span class="tally"><b>${card.votes}</b> ${card.votes === 1 ? "vote" : "votes"}</span>`;
      return `${votes}<div class="body">${cardText(card)}${where(card, context)}</div>`;
    },
  );
}

export function helpedHtml(report: Report, cards: Cards, context: TimeContext): string {
  return list(
    "ul",
    "helped",
    pick(cards, report.helpedIds),
    INTROS.helpedEmpty,
    INTROS.helped,
    (card) => `<div class="body">${cardText(card)}${where(card, context)}</div>`,
  );
}

export function newToUsHtml(report: Report, cards: Cards, context: TimeContext): string {
  return list(
    "ol",
    "factors new-to-us",
    pick(cards, report.newToSomeoneIds),
    INTROS.newToUsEmpty,
    INTROS.newToUs,
    (card) => {
      const names =
        card.newTo.names.length > 0
          ? `<span class="names">${escapeHtml(describeNewTo(card).replace(/^new to \d+: /, ""))}</span>`
          : "";
      const tally = `<span class="tally"><b>${card.newTo.count}</b> ${card.newTo.count === 1 ? "person" : "people"}${names}</span>`;
      return `${tally}<div class="body">${cardText(card)}${where(card, context)}</div>`;
    },
  );
}

function cardRef(card: ReportCard, context: TimeContext): string {
  const label = `${cardTimeLabel(card.time, context)} ${card.lane.name}`;
  return `<li><a href="#card-${escapeHtml(card.id)}">${escapeHtml(label)}</a>: ${escapeHtml(cardExcerpt(card))}</li>`;
}

export function improvementsHtml(report: Report, cards: Cards, context: TimeContext): string {
  if (report.improvements.length === 0)
    return `<p class="intro">${escapeHtml(INTROS.improvementsEmpty)}</p>`;
  const rows = report.improvements.map((item) => {
    const related = pick(cards, item.cardIds).map((c) => cardRef(c, context));
    return (
      `<tr><td class="what">${escapeHtml(item.title)}</td>` +
      `<td>${item.owner.trim() === "" ? '<span class="none">—</span>' : escapeHtml(item.owner)}</td>` +
      `<td class="nowrap">${item.due === null ? '<span class="none">—</span>' : `<time datetime="${escapeHtml(item.due)}">${formatShortDate(item.due)}</time>`}</td>` +
      `<td class="nowrap"><span class="status status-${item.status}">${STATUS_LABELS[item.status]}</span></td>` +
      `<td class="related">${related.length > 0 ? `<ul>${related.join("")}</ul>` : '<span class="none">—</span>'}</td></tr>`
    );
  });
  return (
    `<p class="intro">${escapeHtml(INTROS.improvements)}</p>` +
    `<table class="improvements"><thead><tr><th scope="col">Improvement</th><th scope="col">Owner</th>` +
    `<th scope="col">Due</th><th scope="col">Status</th><th scope="col">Related cards</th></tr></thead>` +
    `<tbody>${rows.join("")}</tbody></table>`
  );
}
