import type { JsonValue, RichElement, RichNode } from "../board";
import { type Block, INLINE_MARKS, type Inline, type InlineMark } from "./reportTypes";

// Rich text from the board is untrusted and may come from any client. It is normalised here,
// once, into the small block vocabulary every renderer knows: unknown nodes are flattened to
// their text, unknown marks dropped, and links kept only to http:, https: and mailto: targets,
// so no renderer can ever emit a javascript: or data: URL.

// Deeper nesting than any editor produces is flattened, so hostile input cannot exhaust the stack.
const MAX_DEPTH = 12;
const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/** Returns the normalised absolute URL when it is http:, https: or mailto:, else null. */
export function safeHref(href: JsonValue | undefined): string | null {
  if (typeof href !== "string") return null;
  try {
    // URL drops tabs and newlines ("java\tscript:") before reading the scheme, as browsers do;
    // relative targets have no base here and throw, so they never become links either.
    const url = new URL(href.trim());
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

const KNOWN_MARKS = new Set<string>(INLINE_MARKS);

function toInlines(nodes: readonly RichNode[], out: Inline[] = []): Inline[] {
  for (const node of nodes) {
    if (node.kind === "text") {
      const marks = [
        ...new Set(
          node.marks.map((m) => m.type).filter((t): t is InlineMark => KNOWN_MARKS.has(t)),
        ),
      ].sort();
      const href = safeHref(node.marks.find((m) => m.type === "link")?.attrs.href);
      out.push(
        href
          ? { type: "text", text: node.text, marks, href }
          : { type: "text", text: node.text, marks },
      );
    } else if (node.type === "hardBreak") {
      out.push({ type: "break" });
    } else {
      // Mentions, images and other inline nodes a richer editor might write: keep their text.
      toInlines(node.content, out);
    }
  }
  return out;
}

function plainOf(nodes: readonly RichNode[]): string {
  return nodes
    .map((node) =>
      node.kind === "text" ? node.text : node.type === "hardBreak" ? "\n" : plainOf(node.content),
    )
    .join("");
}

function isInlineOnly(element: RichElement): boolean {
  return element.content.every((child) => child.kind === "text" || child.type === "hardBreak");
}

function hasText(inlines: readonly Inline[]): boolean {
  return inlines.some((inline) => inline.type === "text" && inline.text.trim() !== "");
}

function paragraph(content: Inline[]): Block[] {
  return hasText(content) ? [{ type: "paragraph", content }] : [];
}

function headingLevel(level: JsonValue | undefined): number {
  return typeof level === "number" && Number.isInteger(level) ? Math.min(6, Math.max(1, level)) : 2;
}

function listItems(list: RichElement, depth: number): Block[][] {
  return list.content
    .map((child) =>
      child.kind === "element" && child.type === "listItem"
        ? toBlocksAt(child.content, depth + 1)
        : toBlocksAt([child], depth + 1),
    )
    .filter((item) => item.length > 0);
}

function elementToBlocks(element: RichElement, depth: number): Block[] {
  if (depth > MAX_DEPTH) return paragraph([{ type: "text", text: plainOf([element]), marks: [] }]);
  switch (element.type) {
    case "paragraph":
      return paragraph(toInlines(element.content));
    case "heading": {
      const content = toInlines(element.content);
      return hasText(content)
        ? [{ type: "heading", level: headingLevel(element.attrs.level), content }]
        : [];
    }
    case "bulletList":
    case "orderedList": {
      const items = listItems(element, depth);
      const start = element.attrs.start;
      return items.length === 0
        ? []
        : [
            {
              type: "list",
              ordered: element.type === "orderedList",
              start: typeof start === "number" && Number.isSafeInteger(start) ? start : 1,
              items,
            },
          ];
    }
    case "blockquote": {
      const content = toBlocksAt(element.content, depth + 1);
      return content.length === 0 ? [] : [{ type: "quote", content }];
    }
    case "codeBlock": {
      const text = plainOf(element.content);
      return text.trim() === "" ? [] : [{ type: "code", text }];
    }
    case "horizontalRule":
      return [{ type: "rule" }];
    default:
      // An unknown block: a paragraph when it holds only text, else its children in place.
      return isInlineOnly(element)
        ? paragraph(toInlines(element.content))
        : toBlocksAt(element.content, depth + 1);
  }
}

function toBlocksAt(nodes: readonly RichNode[], depth: number): Block[] {
  const out: Block[] = [];
  let loose: RichNode[] = [];
  const flushLoose = () => {
    out.push(...paragraph(toInlines(loose)));
    loose = [];
  };
  for (const node of nodes) {
    if (node.kind === "text" || node.type === "hardBreak") {
      loose.push(node);
      continue;
    }
    flushLoose();
    out.push(...elementToBlocks(node, depth));
  }
  flushLoose();
  return out;
}

/** Normalises rich text from `fragmentToBlocks` into report blocks; empty paragraphs are dropped. */
export function toReportBlocks(elements: readonly RichElement[]): Block[] {
  return toBlocksAt(elements, 0);
}
