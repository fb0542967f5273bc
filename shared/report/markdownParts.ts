import { blocksToMarkdown, escapeMarkdown } from "./markdownText";
import { INTROS } from "./reportText";
import type { Block, Report, ReportCard } from "./reportTypes";

// Small Markdown building blocks shared by the report's sections.

export function indent(text: string, spaces: number): string {
  const pad = " ".repeat(spaces);
  return text
    .split("\n")
    .map((line) => (line === "" ? line : pad + line))
    .join("\n");
}

/** "*(no text)*" for a card without text, else its blocks (card headings sit below section ones). */
export function cardBody(blocks: readonly Block[]): string {
  return blocks.length === 0 ? `*${escapeMarkdown(INTROS.noText)}*` : blocksToMarkdown(blocks, 4);
}

/**
 * One list item: `lead` (Markdown, may be empty) before the card's text and `meta` (plain text,
 * escaped here) after it, in italics.
 */
export function listItem(
  marker: string,
  lead: string,
  blocks: readonly Block[],
  meta: string,
): string {
  const first = blocks[0];
  let body = cardBody(blocks);
  if (meta !== "") {
    const suffix = `*${escapeMarkdown(meta)}*`;
    body +=
      blocks.length === 0 || blocks.at(-1)?.type === "paragraph" ? ` · ${suffix}` : `\n\n${suffix}`;
  }
  const content = indent(body, marker.length);
  if (first === undefined || first.type === "paragraph") {
    // The first line takes the marker's place; the rest stays indented under it.
    const rest = content.slice(marker.length);
    return lead === "" ? marker + rest : `${marker}${lead} ${rest}`;
  }
  return `${`${marker}${lead}`.trimEnd()}\n\n${content}`;
}

/** A Markdown table; cells are already escaped. */
export function table(header: readonly string[], rows: readonly string[][]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c || " ").join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

export function cardsById(report: Report): Map<string, ReportCard> {
  return new Map(report.cards.map((card) => [card.id, card]));
}
