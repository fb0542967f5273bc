import type { Block, Inline } from "./reportTypes";

// User content in HTML. Every string from the board passes through `escapeHtml` (text and
// attribute values alike, quotes included); the only URLs written are the http(s)/mailto hrefs
// the model let through, and in-page "#card-…" anchors built from escaped ids.

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

const MARK_TAGS = [
  ["code", "code"],
  ["strike", "s"],
  ["underline", "u"],
  ["italic", "em"],
  ["bold", "strong"],
] as const;

/** Renders inline content: marks as elements, breaks (and stray newlines) as <br>. */
export function inlinesToHtml(inlines: readonly Inline[]): string {
  let out = "";
  for (const inline of inlines) {
    if (inline.type === "break") {
      out += "<br>";
      continue;
    }
    let html = escapeHtml(inline.text).replace(/\r\n?|\n/g, "<br>");
    for (const [mark, tag] of MARK_TAGS) {
      if (inline.marks.includes(mark)) html = `<${tag}>${html}</${tag}>`;
    }
    if (inline.href)
      html = `<a href="${escapeHtml(inline.href)}" rel="noopener noreferrer">${html}</a>`;
    out += html;
  }
  return out;
}

/** Renders blocks; rich-text headings start at `<h{headingBase}>`. */
export function blocksToHtml(blocks: readonly Block[], headingBase = 3): string {
  return blocks.map((block) => blockToHtml(block, headingBase)).join("");
}

// A list item holding one paragraph renders without the <p>, as editors do, so lists stay tight.
function itemToHtml(item: readonly Block[], headingBase: number): string {
  const only = item.length === 1 ? item[0] : undefined;
  return `<li>${only?.type === "paragraph" ? inlinesToHtml(only.content) : blocksToHtml(item, headingBase)}</li>`;
}

function blockToHtml(block: Block, headingBase: number): string {
  switch (block.type) {
    case "paragraph":
      return `<p>${inlinesToHtml(block.content)}</p>`;
    case "heading": {
      const level = Math.min(6, headingBase + block.level - 1);
      return `<h${level}>${inlinesToHtml(block.content)}</h${level}>`;
    }
    case "list": {
      const items = block.items.map((item) => itemToHtml(item, headingBase)).join("");
      if (!block.ordered) return `<ul>${items}</ul>`;
      return block.start === 1 ? `<ol>${items}</ol>` : `<ol start="${block.start}">${items}</ol>`;
    }
    case "quote":
      return `<blockquote>${blocksToHtml(block.content, headingBase)}</blockquote>`;
    case "code":
      return `<pre><code>${escapeHtml(block.text)}</code></pre>`;
    case "rule":
      return "<hr>";
  }
}
