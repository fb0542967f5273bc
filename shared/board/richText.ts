import * as Y from "yjs";
import { RICH_TEXT } from "./keys";

// Rich text uses the layout Tiptap's Collaboration extension (y-prosemirror) reads and writes:
// block nodes are Y.XmlElements named after the node type, text runs are Y.XmlText whose
// formatting attributes are the marks (`{ bold: {} }`, `{ link: { href } }`).

/** JSON-safe value, as found in node and mark attributes. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

export interface RichMark {
  type: string;
  attrs: Record<string, JsonValue>;
}

export interface RichText {
  kind: "text";
  text: string;
  /** Sorted by type. */
  marks: RichMark[];
}

export interface RichElement {
  kind: "element";
  /** Node type name: "paragraph", "bulletList", "listItem", "hardBreak"… */
  type: string;
  attrs: Record<string, JsonValue>;
  content: RichNode[];
}

export type RichNode = RichElement | RichText;

// y-prosemirror suffixes marks that may overlap themselves with "--" and an 8-char hash.
const HASHED_MARK = /^(.*)--[a-zA-Z0-9+/=]{8}$/;
// y-prosemirror's change-tracking attribute, not a mark anyone authored.
const YCHANGE = "ychange";

function toJson(value: unknown): JsonValue | undefined {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) {
    return value.map(toJson).filter((item): item is JsonValue => item !== undefined);
  }
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return toJsonRecord(value);
  }
  // Y types, binary and anything else a foreign client stored are not renderable attributes.
  return undefined;
}

function toJsonRecord(value: unknown): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  if (typeof value !== "object" || value === null) return out;
  for (const [key, item] of Object.entries(value)) {
    const json = toJson(item);
    if (json !== undefined) out[key] = json;
  }
  return out;
}

interface DeltaOp {
  insert?: unknown;
  attributes?: Record<string, unknown>;
}

function textRuns(text: Y.XmlText): RichText[] {
  const runs: RichText[] = [];
  for (const op of text.toDelta() as DeltaOp[]) {
    if (typeof op.insert !== "string" || op.insert === "") continue;
    const marks = Object.entries(op.attributes ?? {})
      .filter(([name]) => name !== YCHANGE)
      .map(([name, attrs]) => ({
        type: HASHED_MARK.exec(name)?.[1] ?? name,
        attrs: toJsonRecord(attrs),
      }))
      .sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
    runs.push({ kind: "text", text: op.insert, marks });
  }
  return runs;
}

function toRichNodes(node: unknown): RichNode[] {
  if (node instanceof Y.XmlText) return textRuns(node);
  if (node instanceof Y.XmlElement) {
    return [
      {
        kind: "element",
        type: node.nodeName,
        attrs: toJsonRecord(node.getAttributes()),
        content: node.toArray().flatMap(toRichNodes),
      },
    ];
  }
  return [];
}

/** Returns the fragment's rich text as plain JSON blocks (top-level text is wrapped in paragraphs). */
export function fragmentToBlocks(fragment: Y.XmlFragment): RichElement[] {
  return fragment.toArray().flatMap((child): RichElement[] => {
    if (child instanceof Y.XmlText) {
      const content = textRuns(child);
      return [{ kind: "element", type: RICH_TEXT.paragraph, attrs: {}, content }];
    }
    return toRichNodes(child).filter((node): node is RichElement => node.kind === "element");
  });
}

function plainText(text: Y.XmlText): string {
  let out = "";
  for (const op of text.toDelta() as DeltaOp[]) if (typeof op.insert === "string") out += op.insert;
  return out;
}

// A block holding other blocks (list, list item, quote) rather than text and inline nodes.
function isContainer(element: Y.XmlElement): boolean {
  const children = element.toArray();
  return (
    !children.some((child) => child instanceof Y.XmlText) &&
    children.some(
      (child) => child instanceof Y.XmlElement && child.nodeName !== RICH_TEXT.hardBreak,
    )
  );
}

function inlineText(element: Y.XmlElement): string {
  return element
    .toArray()
    .map((child) => {
      if (child instanceof Y.XmlText) return plainText(child);
      if (child instanceof Y.XmlElement) {
        return child.nodeName === RICH_TEXT.hardBreak ? "\n" : inlineText(child);
      }
      return "";
    })
    .join("");
}

function lines(node: unknown): string[] {
  if (node instanceof Y.XmlText) return [plainText(node)];
  if (!(node instanceof Y.XmlElement)) return [];
  if (isContainer(node)) return node.toArray().flatMap(lines);
  return [inlineText(node)];
}

/** Returns the fragment's text with marks dropped: one line per text block, joined with "\n". */
export function fragmentToPlainText(fragment: Y.XmlFragment): string {
  return fragment.toArray().flatMap(lines).join("\n");
}

/**
 * Replaces the content of `fragment` with one paragraph per line of `text` and returns it; an
 * empty line becomes an empty paragraph, as Tiptap writes it. Without `fragment`, fills a new
 * detached one, ready to be stored in a Y.Map.
 */
export function plainTextToFragment(text: string, fragment?: Y.XmlFragment): Y.XmlFragment {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => {
      const paragraph = new Y.XmlElement(RICH_TEXT.paragraph);
      if (line !== "") paragraph.insert(0, [new Y.XmlText(line)]);
      return paragraph;
    });
  if (!fragment) {
    const detached = new Y.XmlFragment();
    detached.insert(0, paragraphs);
    return detached;
  }
  const { doc } = fragment;
  // A detached fragment cannot report its length; one passed in is assumed empty.
  if (!doc) fragment.insert(0, paragraphs);
  else {
    doc.transact(() => {
      fragment.delete(0, fragment.length);
      fragment.insert(0, paragraphs);
    });
  }
  return fragment;
}
