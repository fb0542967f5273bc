import { getSchema } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addCard,
  createBoard,
  fragmentToBlocks,
  fragmentToPlainText,
  getCardTextFragment,
  getNotesFragment,
  plainTextToFragment,
  TIMELINE_LANE_ID,
} from "../../shared/board";

// The schema the client's editor uses, so these tests pin the real Tiptap layout.
const schema = getSchema([StarterKit]);

function attachedFragment(): Y.XmlFragment {
  return new Y.Doc().getXmlFragment("text");
}

function tiptapFragment(content: unknown[]): Y.XmlFragment {
  const fragment = attachedFragment();
  prosemirrorJSONToYXmlFragment(schema, { type: "doc", content }, fragment);
  return fragment;
}

const richDoc = [
  {
    type: "paragraph",
    content: [
      { type: "text", text: "Deploy " },
      { type: "text", text: "v2.3", marks: [{ type: "code" }, { type: "bold" }] },
      { type: "hardBreak" },
      { type: "text", text: "see log", marks: [{ type: "link", attrs: { href: "https://log" } }] },
    ],
  },
  { type: "paragraph" },
  {
    type: "bulletList",
    content: [
      {
        type: "listItem",
        content: [{ type: "paragraph", content: [{ type: "text", text: "one" }] }],
      },
      {
        type: "listItem",
        content: [{ type: "paragraph", content: [{ type: "text", text: "two" }] }],
      },
    ],
  },
];

describe("plainTextToFragment", () => {
  it("writes one paragraph XmlElement holding one XmlText per line", () => {
    const fragment = plainTextToFragment("first\nsecond", attachedFragment());
    const paragraphs = fragment.toArray();
    expect(paragraphs).toHaveLength(2);
    for (const [index, text] of ["first", "second"].entries()) {
      const paragraph = paragraphs[index];
      expect(paragraph).toBeInstanceOf(Y.XmlElement);
      expect((paragraph as Y.XmlElement).nodeName).toBe("paragraph");
      const children = (paragraph as Y.XmlElement).toArray();
      expect(children).toHaveLength(1);
      expect(children[0]).toBeInstanceOf(Y.XmlText);
      expect((children[0] as Y.XmlText).toString()).toBe(text);
    }
  });

  it("writes an empty line as an empty paragraph, as Tiptap does", () => {
    const ours = plainTextToFragment("a\n\nb", attachedFragment());
    const theirs = tiptapFragment([
      { type: "paragraph", content: [{ type: "text", text: "a" }] },
      { type: "paragraph" },
      { type: "paragraph", content: [{ type: "text", text: "b" }] },
    ]);
    expect(ours.toString()).toBe(theirs.toString());
  });

  it("writes an empty text as one empty paragraph, so editors need not add one concurrently", () => {
    expect(plainTextToFragment("", attachedFragment()).toString()).toBe("<paragraph></paragraph>");
  });

  it("produces a document Tiptap's schema accepts", () => {
    const node = yXmlFragmentToProseMirrorRootNode(
      plainTextToFragment("x\ny", attachedFragment()),
      schema,
    );
    expect(node.toJSON()).toEqual({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "x" }] },
        { type: "paragraph", content: [{ type: "text", text: "y" }] },
      ],
    });
  });

  it("replaces existing content and treats CRLF as a line break", () => {
    const fragment = plainTextToFragment("old", attachedFragment());
    plainTextToFragment("new\r\nline", fragment);
    expect(fragmentToPlainText(fragment)).toBe("new\nline");
  });

  it("fills a detached fragment that can then be stored in a document", () => {
    const doc = new Y.Doc();
    const holder = doc.getMap("holder");
    holder.set("text", plainTextToFragment("later\nattached"));
    expect(fragmentToPlainText(holder.get("text") as Y.XmlFragment)).toBe("later\nattached");
  });
});

describe("fragmentToPlainText", () => {
  it("joins text blocks with newlines, drops marks and reads a hard break as a newline", () => {
    expect(fragmentToPlainText(tiptapFragment(richDoc))).toBe("Deploy v2.3\nsee log\n\none\ntwo");
  });

  it("reads an empty fragment as empty text", () => {
    expect(fragmentToPlainText(attachedFragment())).toBe("");
  });

  it("round-trips plain text", () => {
    const text = "Alert fired\n\n  indented line\nlast";
    expect(fragmentToPlainText(plainTextToFragment(text, attachedFragment()))).toBe(text);
  });
});

describe("fragmentToBlocks", () => {
  it("renders blocks with their inline runs and marks as plain JSON", () => {
    const blocks = fragmentToBlocks(tiptapFragment(richDoc));
    expect(blocks).toEqual([
      {
        kind: "element",
        type: "paragraph",
        attrs: {},
        content: [
          { kind: "text", text: "Deploy ", marks: [] },
          {
            kind: "text",
            text: "v2.3",
            marks: [
              { type: "bold", attrs: {} },
              { type: "code", attrs: {} },
            ],
          },
          { kind: "element", type: "hardBreak", attrs: {}, content: [] },
          {
            kind: "text",
            text: "see log",
            marks: [{ type: "link", attrs: expect.objectContaining({ href: "https://log" }) }],
          },
        ],
      },
      { kind: "element", type: "paragraph", attrs: {}, content: [] },
      {
        kind: "element",
        type: "bulletList",
        attrs: expect.any(Object),
        content: [
          {
            kind: "element",
            type: "listItem",
            attrs: {},
            content: [
              {
                kind: "element",
                type: "paragraph",
                attrs: {},
                content: [{ kind: "text", text: "one", marks: [] }],
              },
            ],
          },
          expect.objectContaining({ type: "listItem" }),
        ],
      },
    ]);
    expect(JSON.parse(JSON.stringify(blocks))).toEqual(blocks);
  });

  it("strips the hash y-prosemirror appends to overlapping marks", () => {
    const fragment = attachedFragment();
    const paragraph = new Y.XmlElement("paragraph");
    fragment.insert(0, [paragraph]);
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    text.insert(0, "noted", { "comment--aGVsbG8h": { id: "c1" } });
    expect(fragmentToBlocks(fragment)[0]?.content).toEqual([
      { kind: "text", text: "noted", marks: [{ type: "comment", attrs: { id: "c1" } }] },
    ]);
  });

  it("wraps text stored directly in the fragment in a paragraph", () => {
    const fragment = attachedFragment();
    fragment.insert(0, [new Y.XmlText("loose")]);
    expect(fragmentToBlocks(fragment)).toEqual([
      {
        kind: "element",
        type: "paragraph",
        attrs: {},
        content: [{ kind: "text", text: "loose", marks: [] }],
      },
    ]);
  });
});

describe("rich text on the board", () => {
  it("stores a card's text in the Tiptap layout and exposes the fragment for editors", () => {
    const doc = new Y.Doc();
    createBoard(doc, { title: "T", timezone: "UTC" });
    const id = addCard(doc, {
      laneId: TIMELINE_LANE_ID,
      at: 0,
      kind: "event",
      text: "a\nb",
      authorId: "f",
    });
    const fragment = getCardTextFragment(doc, id);
    expect(fragment?.toString()).toBe("<paragraph>a</paragraph><paragraph>b</paragraph>");
    expect(getCardTextFragment(doc, "nope")).toBeNull();
  });

  it("keeps shared notes in a top-level fragment of the same layout", () => {
    const doc = new Y.Doc();
    plainTextToFragment("We agreed to revisit paging.", getNotesFragment(doc));
    expect(fragmentToPlainText(getNotesFragment(doc))).toBe("We agreed to revisit paging.");
  });
});
