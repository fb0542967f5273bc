import { blocksToHtml, escapeHtml } from "./htmlText";
import {
  cardTimeLabel,
  describeNewTo,
  INTROS,
  KIND_LABELS,
  KIND_VERBS,
  type TimeContext,
} from "./reportText";
import type { Report, ReportCard } from "./reportTypes";
import { formatDate, formatUtcOffset } from "./zonedTime";

// The card-heavy sections of the HTML report: the merged timeline and the per-person lanes.

export type Cards = Map<string, ReportCard>;

/** Lane id → "#rrggbb": only the participants' validated colours ever reach a style attribute. */
export function laneColors(report: Report): Map<string, string> {
  return new Map(report.participants.map((p) => [p.laneId, p.color]));
}

export function cardText(card: ReportCard): string {
  return card.blocks.length === 0
    ? `<p class="empty">${escapeHtml(INTROS.noText)}</p>`
    : `<div class="text">${blocksToHtml(card.blocks, 4)}</div>`;
}

export function pick(cards: Cards, ids: readonly string[]): ReportCard[] {
  return ids.map((id) => cards.get(id)).filter((card) => card !== undefined);
}

function newToBadge(card: ReportCard): string {
  return card.newTo.count > 0
    ? ` <span class="badge new">${escapeHtml(describeNewTo(card))}</span>`
    : "";
}

function fact(card: ReportCard): string {
  const kind = card.kind === "event" ? "" : `<span class="kind">${KIND_LABELS[card.kind]}</span> `;
  const source = card.source ? ` <span class="source">${escapeHtml(card.source)}</span>` : "";
  const head =
    kind || source || card.newTo.count > 0
      ? `<p class="who">${kind}${source}${newToBadge(card)}</p>`
      : "";
  return `<div class="entry fact" id="card-${escapeHtml(card.id)}">${head}${cardText(card)}</div>`;
}

function perspective(card: ReportCard, colors: Map<string, string>): string {
  const color = colors.get(card.lane.id);
  const style = color ? ` style="--lane:${color}"` : "";
  return (
    `<div class="entry seat" id="card-${escapeHtml(card.id)}"${style}>` +
    `<p class="who"><span class="name">${escapeHtml(card.lane.name)}</span> <span class="verb">${KIND_VERBS[card.kind]}</span>${newToBadge(card)}</p>` +
    `${cardText(card)}</div>`
  );
}

/** The merged timeline: one row per minute, shared facts beside perspectives. */
export function timelineHtml(report: Report, cards: Cards, context: TimeContext): string {
  if (report.timeline.length === 0) return `<p class="intro">${INTROS.timelineEmpty}</p>`;
  const colors = laneColors(report);
  const zone = context.multiOffset
    ? `Times are ${escapeHtml(report.timezone)}; the UTC offset is shown where it changes.`
    : `Times are ${escapeHtml(report.timezone)} (${formatUtcOffset(report.offsets[0] ?? "+00:00")}).`;
  const firstDate = report.timeline[0]?.minute.date ?? "";
  const note = context.multiDate ? zone : `${zone} All on ${formatDate(firstDate)}.`;
  const rows = report.timeline.map((group, index) => {
    const dateRow =
      context.multiDate && group.dateChanged
        ? `<tr class="date"><th colspan="3" scope="rowgroup">${formatDate(group.minute.date)}</th></tr>`
        : "";
    const showOffset = context.multiOffset && (index === 0 || group.offsetChanged);
    const offset = showOffset
      ? `<span class="offset">${formatUtcOffset(group.minute.offset)}</span>`
      : "";
    return (
      `${dateRow}<tr><th scope="row" class="time"><time datetime="${group.minute.iso}">${group.minute.time}</time>${offset}</th>` +
      `<td class="facts">${pick(cards, group.factIds).map(fact).join("")}</td>` +
      `<td class="seats">${pick(cards, group.perspectiveIds)
        .map((c) => perspective(c, colors))
        .join("")}</td></tr>`
    );
  });
  return (
    `<p class="intro">${INTROS.timeline} ${note}</p>` +
    `<table class="timeline"><colgroup><col class="c-time"><col class="c-facts"><col class="c-seats"></colgroup>` +
    `<thead><tr><th scope="col">Time</th><th scope="col">Facts</th><th scope="col">Perspectives</th></tr></thead>` +
    `<tbody>${rows.join("")}</tbody></table>`
  );
}

/** One section per participant lane, each card with its time and kind. */
export function perspectivesHtml(report: Report, cards: Cards, context: TimeContext): string {
  if (report.perspectives.length === 0) return `<p class="intro">${INTROS.noParticipants}</p>`;
  const colors = laneColors(report);
  const seats = report.perspectives.map((p) => {
    const color = colors.get(p.laneId);
    const items = pick(cards, p.cardIds).map(
      (card) =>
        `<li><p class="who"><time datetime="${card.time.iso}">${cardTimeLabel(card.time, context)}</time> <span class="verb">${KIND_VERBS[card.kind]}</span>${newToBadge(card)}</p>${cardText(card)}</li>`,
    );
    const list =
      items.length > 0
        ? `<ol class="cards">${items.join("")}</ol>`
        : `<p class="empty">${INTROS.perspectiveEmpty}</p>`;
    return `<section class="lane"${color ? ` style="--lane:${color}"` : ""}><h3><span class="swatch"></span>${escapeHtml(p.name)}</h3>${list}</section>`;
  });
  return `<p class="intro">${INTROS.perspectives}</p>${seats.join("")}`;
}
