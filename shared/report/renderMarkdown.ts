import { cardsById, listItem, table } from "./markdownParts";
import { blocksToMarkdown, escapeMarkdown as md } from "./markdownText";
import { timelineMarkdown } from "./markdownTimeline";
import {
  cardExcerpt,
  cardTimeLabel,
  describeMeetingDay,
  describeNewTo,
  describeParticipants,
  describeTimeZone,
  describeWindow,
  formatDifference,
  formatDuration,
  formatShortDate,
  HEADINGS,
  INTROS,
  KIND_VERBS,
  STATUS_LABELS,
  type TimeContext,
  timeContext,
} from "./reportText";
import type { Report, ReportCard } from "./reportTypes";
import { formatDate } from "./zonedTime";

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

type Cards = Map<string, ReportCard>;
type Context = TimeContext;

function header(report: Report): string {
  const lines = [
    `# ${md(report.title)}`,
    "",
    "*Blameless post-mortem*",
    "",
    `- **Incident:** ${md(describeWindow(report))}`,
  ];
  if (report.incident.durationMs !== null) {
    lines.push(`- **Duration:** ${formatDuration(report.incident.durationMs)}`);
  }
  lines.push(
    `- **Time zone:** ${md(describeTimeZone(report))}`,
    `- **Participants:** ${md(describeParticipants(report))}`,
  );
  return lines.join("\n");
}

function summary(report: Report): string {
  if (report.summary.blocks.length === 0) return `## ${HEADINGS.summary}\n\n${INTROS.summaryEmpty}`;
  return `## ${HEADINGS.summary}\n\n${blocksToMarkdown(report.summary.blocks, 3)}`;
}

function perspectives(report: Report, cards: Cards, context: Context): string {
  const out = [`## ${HEADINGS.perspectives}`, "", INTROS.perspectives];
  if (report.perspectives.length === 0) out.push("", INTROS.noParticipants);
  for (const perspective of report.perspectives) {
    out.push("", `### ${md(perspective.name)}`, "");
    const items = perspective.cardIds.map((id) => cards.get(id)).filter((c) => c !== undefined);
    if (items.length === 0) out.push(INTROS.perspectiveEmpty);
    for (const card of items) {
      const lead = `**${cardTimeLabel(card.time, context)}** ${KIND_VERBS[card.kind]}:`;
      const meta = card.newTo.count > 0 ? describeNewTo(card) : "";
      out.push(listItem("- ", lead, card.blocks, meta));
    }
  }
  return out.join("\n");
}

function cardList(
  heading: string,
  intro: string,
  empty: string,
  items: ReportCard[],
  lead: (card: ReportCard) => string,
  meta: (card: ReportCard) => string,
  ordered = false,
): string {
  if (items.length === 0) return [`## ${heading}`, "", empty].join("\n");
  const list = items.map((c, i) =>
    listItem(ordered ? `${i + 1}. ` : "- ", lead(c), c.blocks, meta(c)),
  );
  return [`## ${heading}`, "", intro, "", ...list].join("\n");
}

function improvements(report: Report, cards: Cards, context: Context): string {
  const out = [`## ${HEADINGS.improvements}`, ""];
  if (report.improvements.length === 0) return [...out, INTROS.improvementsEmpty].join("\n");
  const rows = report.improvements.map((item) => [
    md(item.title),
    item.owner.trim() === "" ? "—" : md(item.owner),
    item.due === null ? "—" : formatShortDate(item.due),
    STATUS_LABELS[item.status],
    item.cardIds
      .map((id) => cards.get(id))
      .filter((c) => c !== undefined)
      .map((c) => md(`${cardTimeLabel(c.time, context)} ${c.lane.name}: ${cardExcerpt(c)}`))
      .join("<br>") || "—",
  ]);
  out.push(
    INTROS.improvements,
    "",
    table(["Improvement", "Owner", "Due", "Status", "Related cards"], rows),
  );
  return out.join("\n");
}

function meeting(report: Report): string {
  const out = [`## ${HEADINGS.meeting}`, ""];
  const m = report.meeting;
  if (m === null) return [...out, INTROS.meetingNone].join("\n");
  if (m.runs.length === 0) return [...out, INTROS.meetingLobby].join("\n");
  const rows = m.runs.map((run) => [
    md(run.title),
    run.startedAt.time,
    formatDuration(run.plannedMs, true),
    run.actualMs === null ? "running" : formatDuration(run.actualMs, true),
    run.actualMs === null ? "—" : formatDifference(run.actualMs, run.plannedMs),
  ]);
  rows.push([
    "**Total**",
    "",
    formatDuration(m.plannedMs, true),
    formatDuration(m.actualMs, true),
    formatDifference(m.actualMs, m.plannedMs),
  ]);
  out.push(INTROS.meeting, "", describeMeetingDay(m), "");
  out.push(table(["Phase", "Started", "Planned", "Actual", "Difference"], rows));
  if (m.skipped.length > 0) {
    out.push(
      "",
      `Not held: ${m.skipped.map((s) => `${md(s.title)} (${formatDuration(s.plannedMs)})`).join(", ")}.`,
    );
  }
  return out.join("\n");
}

/** Renders the report as GitHub-flavoured Markdown. The language review is left out on purpose. */
export function renderMarkdown(report: Report): string {
  const cards = cardsById(report);
  const context = timeContext(report);
  const pick = (ids: string[]) => ids.map((id) => cards.get(id)).filter((c) => c !== undefined);
  const where = (c: ReportCard) => `${c.lane.name}, ${cardTimeLabel(c.time, context)}`;
  const votes = (c: ReportCard) => `**${c.votes} ${c.votes === 1 ? "vote" : "votes"}** —`;
  const sections = [
    header(report),
    summary(report),
    timelineMarkdown(report, cards, context),
    perspectives(report, cards, context),
    cardList(
      HEADINGS.factors,
      INTROS.factors,
      INTROS.factorsEmpty,
      pick(report.factorIds),
      votes,
      where,
      true,
    ),
    cardList(
      HEADINGS.helped,
      INTROS.helped,
      INTROS.helpedEmpty,
      pick(report.helpedIds),
      () => "",
      where,
    ),
    improvements(report, cards, context),
    cardList(
      HEADINGS.newToUs,
      INTROS.newToUs,
      INTROS.newToUsEmpty,
      pick(report.newToSomeoneIds),
      (c) => `**${md(capitalize(describeNewTo(c)))}** —`,
      where,
    ),
    meeting(report),
    `---\n\n*Exported from Debrief on ${formatDate(report.generatedAt.date)} at ${report.generatedAt.time} (${md(report.timezone)}).*`,
  ];
  return `${sections.join("\n\n")}\n`;
}
