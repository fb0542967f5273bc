import { table } from "./markdownParts";
import { blocksToCell, escapeMarkdown as md } from "./markdownText";
import {
  describeNewTo,
  HEADINGS,
  INTROS,
  KIND_LABELS,
  KIND_VERBS,
  type TimeContext,
} from "./reportText";
import type { Report, ReportCard } from "./reportTypes";
import { formatDate, formatUtcOffset } from "./zonedTime";

// The merged timeline in Markdown: a table per date, one row per minute, facts beside
// perspectives. Cells are single lines, so card text is flattened with <br>.

function factCell(card: ReportCard): string {
  const kind = card.kind === "event" ? "" : `**${KIND_LABELS[card.kind]}:** `;
  const body = blocksToCell(card.blocks) || `*${md(INTROS.noText)}*`;
  const meta = [card.source, card.newTo.count > 0 ? describeNewTo(card) : null].filter(Boolean);
  return `${kind}${body}${meta.length > 0 ? ` *(${md(meta.join("; "))})*` : ""}`;
}

function perspectiveCell(card: ReportCard): string {
  const body = blocksToCell(card.blocks) || `*${md(INTROS.noText)}*`;
  const meta = card.newTo.count > 0 ? ` *(${md(describeNewTo(card))})*` : "";
  return `**${md(card.lane.name)}** ${KIND_VERBS[card.kind]}: ${body}${meta}`;
}

/** The "What happened" section. */
export function timelineMarkdown(
  report: Report,
  cards: Map<string, ReportCard>,
  context: TimeContext,
): string {
  const out = [`## ${HEADINGS.timeline}`, "", INTROS.timeline];
  if (report.timeline.length === 0) return [...out, "", INTROS.timelineEmpty].join("\n");
  const zone = context.multiOffset
    ? `Times are ${md(report.timezone)}; the UTC offset is shown where it changes.`
    : `Times are ${md(report.timezone)} (${formatUtcOffset(report.offsets[0] ?? "+00:00")}).`;
  const firstDate = report.timeline[0]?.minute.date ?? "";
  out.push("", context.multiDate ? zone : `${zone} All on ${formatDate(firstDate)}.`);
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length > 0) out.push("", table(["Time", "Facts", "Perspectives"], rows));
    rows = [];
  };
  report.timeline.forEach((group, index) => {
    if (context.multiDate && group.dateChanged) {
      flush();
      out.push("", `### ${formatDate(group.minute.date)}`);
    }
    const showOffset = context.multiOffset && (index === 0 || group.offsetChanged);
    const time = `**${group.minute.time}**${showOffset ? `<br>${formatUtcOffset(group.minute.offset)}` : ""}`;
    const cell = (ids: string[], render: (card: ReportCard) => string) =>
      ids
        .map((id) => cards.get(id))
        .filter((c) => c !== undefined)
        .map(render)
        .join("<br><br>");
    rows.push([time, cell(group.factIds, factCell), cell(group.perspectiveIds, perspectiveCell)]);
  });
  flush();
  return out.join("\n");
}
