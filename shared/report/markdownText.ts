import type { Block, Inline } from "./reportTypes";

// User text in Markdown: every character that could start syntax is escaped, so a card reading
// "**not bold** <img src=x onerror=…> [x](javascript:…)" renders as exactly that text on GitHub.
// Two contexts: block (paragraphs, lists, quotes) and table cell (one line, "|" escaped, block
// structure flattened with <br>).

export type MdContext = "block" | "cell";

// Backslash-escapes of ASCII punctuation are honoured everywhere in CommonMark text. "&" is
// escaped so "&lt;" stays literal instead of becoming an entity.
const INLINE_SPECIAL = /[\\`*_[\]<>|~&]/g;
// Characters that start a block only at the beginning of a line.
const LINE_START = /^(\s*)([#+\-=]|\d+[.)])/;

/** Escapes plain user text for Markdown; `lineStart` when it begins a line. */
export function escapeMarkdown(text: string, lineStart = false): string {
  let out = text.replace(INLINE_SPECIAL, "\\$&");
  if (lineStart) {
    // Leading spaces would make an indented code block; the number or marker gets a backslash.
    out = out
      .replace(/^\s+/, "")
      .replace(LINE_START, (_m, _space, marker: string) =>
        marker.length > 1 ? `${marker.slice(0, -1)}\\${marker.at(-1)}` : `\\${marker}`,
      );
  }
  return out;
}

function codeSpan(text: string, context: MdContext): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const body = context === "cell" ? text.replace(/\|/g, "\\|") : text;
  const pad = body.startsWith("`") || body.endsWith("`") ? " " : "";
  return `${fence}${pad}${body}${pad}${fence}`;
}

// Destinations go in <…>, which allows any character but "<", ">" and line breaks.
function linkTarget(href: string): string {
  return href.replace(
    /[<>\s|\\]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
}

function sameFormat(a: Inline, b: Inline): boolean {
  return (
    a.type === "text" && b.type === "text" && a.href === b.href && a.marks.join() === b.marks.join()
  );
}

// Adjacent runs with the same marks are merged: "**a****b**" would not render as bold. Breaks at
// either end are dropped: a trailing "\\" would show as a literal backslash.
function mergeRuns(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    const last = out.at(-1);
    if (last && last.type === "text" && inline.type === "text" && sameFormat(last, inline)) {
      out[out.length - 1] = { ...last, text: last.text + inline.text };
    } else out.push(inline);
  }
  while (out[0]?.type === "break") out.shift();
  while (out.at(-1)?.type === "break") out.pop();
  return out;
}

function textRun(run: Extract<Inline, { type: "text" }>, lineStart: boolean, context: MdContext) {
  // Emphasis must hug its text ("** x **" is not bold), so surrounding spaces go outside.
  const core = run.text.trim();
  if (core === "") return run.text === "" ? "" : " ";
  const lead = run.text.length > run.text.trimStart().length;
  const trail = run.text.length > run.text.trimEnd().length;
  // At a line start the leading spaces are dropped, so the text itself begins the line.
  let body = run.marks.includes("code") ? codeSpan(core, context) : escapeMarkdown(core, lineStart);
  if (run.href) body = `[${body}](<${linkTarget(run.href)}>)`;
  if (run.marks.includes("strike")) body = `~~${body}~~`;
  if (run.marks.includes("italic")) body = `*${body}*`;
  if (run.marks.includes("bold")) body = `**${body}**`;
  return `${lead && !lineStart ? " " : ""}${body}${trail ? " " : ""}`;
}

/** Renders inline content; `lineBreak` is what a hard break becomes in this context. */
export function inlinesToMarkdown(
  inlines: readonly Inline[],
  context: MdContext,
  lineBreak: string,
): string {
  let out = "";
  let lineStart = context === "block";
  for (const inline of mergeRuns(inlines)) {
    if (inline.type === "break") {
      out += lineBreak;
      lineStart = context === "block";
      continue;
    }
    // A newline inside a run (a foreign client) is a break too, never raw Markdown structure.
    const lines = inline.text.split(/\r\n?|\n/);
    lines.forEach((line, index) => {
      if (index > 0) {
        out += lineBreak;
        lineStart = context === "block";
      }
      const rendered = textRun({ ...inline, text: line }, lineStart, context);
      out += rendered;
      if (rendered.trim() !== "") lineStart = false;
    });
  }
  return out.trim();
}

function indentLines(text: string, indent: string): string {
  return text
    .split("\n")
    .map((line) => (line === "" ? line : indent + line))
    .join("\n");
}

/** Renders blocks as Markdown blocks separated by blank lines; headings start at `headingBase`. */
export function blocksToMarkdown(blocks: readonly Block[], headingBase = 3): string {
  return blocks.map((block) => blockToMarkdown(block, headingBase)).join("\n\n");
}

function blockToMarkdown(block: Block, headingBase: number): string {
  switch (block.type) {
    case "paragraph":
      return inlinesToMarkdown(block.content, "block", "\\\n");
    case "heading": {
      const level = Math.min(6, headingBase + block.level - 1);
      return `${"#".repeat(level)} ${inlinesToMarkdown(block.content, "cell", " ")}`;
    }
    case "list":
      return block.items
        .map((item, index) => {
          const marker = block.ordered ? `${block.start + index}. ` : "- ";
          const body = indentLines(blocksToMarkdown(item, headingBase), " ".repeat(marker.length));
          return marker + body.slice(marker.length);
        })
        .join("\n");
    case "quote":
      return blocksToMarkdown(block.content, headingBase)
        .split("\n")
        .map((line) => (line === "" ? ">" : `> ${line}`))
        .join("\n");
    case "code": {
      const longest = Math.max(2, ...(block.text.match(/`+/g) ?? []).map((run) => run.length));
      const fence = "`".repeat(longest + 1);
      return `${fence}\n${block.text}\n${fence}`;
    }
    case "rule":
      return "---";
  }
}

/** Renders blocks on one line for a table cell: blocks and breaks become <br>. */
export function blocksToCell(blocks: readonly Block[]): string {
  const parts: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case "paragraph":
      case "heading":
        parts.push(inlinesToMarkdown(block.content, "cell", "<br>"));
        break;
      case "list":
        block.items.forEach((item, index) => {
          const marker = block.ordered ? `${block.start + index}.` : "•";
          parts.push(`${marker} ${blocksToCell(item)}`);
        });
        break;
      case "quote":
        parts.push(blocksToCell(block.content));
        break;
      case "code":
        parts.push(...block.text.split("\n").map((line) => codeSpan(line, "cell")));
        break;
      case "rule":
        break;
    }
  }
  return parts.filter((part) => part.trim() !== "").join("<br>");
}
