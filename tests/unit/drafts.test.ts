import { getSchema } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addCard,
  addDraftCard,
  addParticipantLane,
  BoardCommandError,
  checkInvariants,
  clearDrafts,
  copyDraftsIntoBoard,
  countDrafts,
  createBoard,
  fragmentToBlocks,
  getCardTextFragment,
  getRoots,
  laneIdForParticipant,
  linkCards,
  markNewToMe,
  readCard,
  readCards,
  readDraftCards,
  TIMELINE_LANE_ID,
  vote,
} from "../../shared/board";

const T0 = Date.UTC(2026, 10, 2, 13, 5);
const schema = getSchema([StarterKit]);

function newBoard(): Y.Doc {
  const doc = new Y.Doc();
  createBoard(doc, { title: "Checkout outage", timezone: "UTC", createdAt: 1 });
  addParticipantLane(doc, { participantId: "ana", name: "Ana" });
  return doc;
}

function draft(doc: Y.Doc, at: number, text: string, id?: string): string {
  return addDraftCard(doc, { id, at, kind: "belief", text, authorId: "ana", createdAt: 7 });
}

/** Replaces a draft's text the way the Tiptap editor would write bold, links and lists. */
function writeRich(doc: Y.Doc, cardId: string): void {
  const fragment = getCardTextFragment(doc, cardId);
  if (!fragment) throw new Error("no fragment");
  doc.transact(() => fragment.delete(0, fragment.length));
  prosemirrorJSONToYXmlFragment(
    schema,
    {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "I thought " },
            { type: "text", text: "the cache", marks: [{ type: "bold" }] },
            {
              type: "text",
              text: " was warm",
              marks: [{ type: "link", attrs: { href: "https://x" } }],
            },
          ],
        },
        {
          type: "bulletList",
          content: [
            {
              type: "listItem",
              content: [{ type: "paragraph", content: [{ type: "text", text: "one" }] }],
            },
          ],
        },
      ],
    },
    fragment,
  );
}

describe("addDraftCard", () => {
  it("stores a card with the board's card layout on its author's lane-to-be", () => {
    const drafts = new Y.Doc();
    const id = draft(drafts, T0, "Thought it was the CDN");
    expect(readDraftCards(drafts)).toEqual([
      expect.objectContaining({
        id,
        laneId: laneIdForParticipant("ana"),
        at: T0,
        kind: "belief",
        text: "Thought it was the CDN",
        authorId: "ana",
        createdAt: 7,
        votes: {},
        newToMe: [],
        links: [],
      }),
    ]);
    // The room holds cards and nothing else: a replica built from its state has only `cards`.
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(drafts));
    expect([...replica.share.keys()]).toEqual(["cards"]);
  });

  it("orders drafts at the same time in the order they were written", () => {
    const drafts = new Y.Doc();
    const first = draft(drafts, T0, "first");
    const second = draft(drafts, T0, "second");
    const earlier = draft(drafts, T0 - 1, "earlier");
    expect(readDraftCards(drafts).map((card) => card.id)).toEqual([earlier, first, second]);
  });

  it("refuses bad input with the board's error, naming the field", () => {
    const drafts = new Y.Doc();
    expect(() => addDraftCard(drafts, { at: -1, kind: "belief", authorId: "ana" })).toThrow(
      /addDraftCard: at/,
    );
    expect(() =>
      addDraftCard(drafts, { at: T0, kind: "belief", authorId: "a".repeat(65) }),
    ).toThrow(BoardCommandError);
    const id = draft(drafts, T0, "x");
    expect(() => draft(drafts, T0, "y", id)).toThrow(/already exists/);
  });

  it("is counted", () => {
    const drafts = new Y.Doc();
    expect(countDrafts(drafts)).toBe(0);
    draft(drafts, T0, "a");
    draft(drafts, T0, "b");
    expect(countDrafts(drafts)).toBe(2);
  });
});

describe("copyDraftsIntoBoard", () => {
  it("copies every draft onto the participant's lane, keeping ids, times and kinds", () => {
    const board = newBoard();
    const drafts = new Y.Doc();
    const a = draft(drafts, T0, "saw errors");
    const b = draft(drafts, T0 + 60_000, "restarted\nworker");
    expect(copyDraftsIntoBoard(drafts, board, "ana")).toBe(2);
    const lane = laneIdForParticipant("ana");
    expect(readCards(board, { laneId: lane }).map((c) => [c.id, c.at, c.kind, c.text])).toEqual([
      [a, T0, "belief", "saw errors"],
      [b, T0 + 60_000, "belief", "restarted\nworker"],
    ]);
    expect(checkInvariants(board)).toEqual([]);
  });

  it("keeps the rich-text structure: marks, links and lists", () => {
    const board = newBoard();
    const drafts = new Y.Doc();
    const id = draft(drafts, T0, "");
    writeRich(drafts, id);
    copyDraftsIntoBoard(drafts, board, "ana");
    const copied = getCardTextFragment(board, id);
    const original = getCardTextFragment(drafts, id);
    if (!copied || !original) throw new Error("missing fragment");
    expect(fragmentToBlocks(copied)).toEqual(fragmentToBlocks(original));
    expect(fragmentToBlocks(copied)[0]?.content[1]).toEqual({
      kind: "text",
      text: "the cache",
      marks: [{ type: "bold", attrs: {} }],
    });
    expect(copied.toString()).toBe(original.toString());
  });

  it("copies the text, not a shared reference: later draft edits stay private", () => {
    const board = newBoard();
    const drafts = new Y.Doc();
    const id = draft(drafts, T0, "before");
    copyDraftsIntoBoard(drafts, board, "ana");
    getCardTextFragment(drafts, id)?.delete(0, 1);
    expect(readCard(board, id)?.text).toBe("before");
  });

  it("copies each card once, however often it runs", () => {
    const board = newBoard();
    const drafts = new Y.Doc();
    draft(drafts, T0, "one");
    expect(copyDraftsIntoBoard(drafts, board, "ana")).toBe(1);
    const two = draft(drafts, T0, "two");
    expect(copyDraftsIntoBoard(drafts, board, "ana")).toBe(1);
    expect(copyDraftsIntoBoard(drafts, board, "ana")).toBe(0);
    expect(readCards(board, { laneId: laneIdForParticipant("ana") }).map((c) => c.text)).toEqual([
      "one",
      "two",
    ]);
    expect(readCard(board, two)?.rank).toBeDefined();
  });

  it("does not overwrite a board card that already has the id", () => {
    const board = newBoard();
    addCard(board, {
      id: "shared",
      laneId: TIMELINE_LANE_ID,
      at: T0,
      kind: "event",
      text: "fact",
      authorId: "fac",
    });
    const drafts = new Y.Doc();
    draft(drafts, T0, "mine", "shared");
    expect(copyDraftsIntoBoard(drafts, board, "ana")).toBe(0);
    expect(readCard(board, "shared")).toMatchObject({ laneId: TIMELINE_LANE_ID, text: "fact" });
  });

  it("starts votes and new-to-me empty and names the participant as author", () => {
    const board = newBoard();
    const drafts = new Y.Doc();
    const id = addDraftCard(drafts, { at: T0, kind: "action", text: "x", authorId: "mallory" });
    // A misbehaving client can write anything into its own drafts room.
    vote(drafts, { cardId: id, participantId: "ana", delta: 5 });
    markNewToMe(drafts, { cardId: id, participantId: "ben", value: true });
    copyDraftsIntoBoard(drafts, board, "ana");
    expect(readCard(board, id)).toMatchObject({
      laneId: laneIdForParticipant("ana"),
      authorId: "ana",
      votes: {},
      voteTotal: 0,
      newToMe: [],
    });
  });

  it("keeps links between drafts", () => {
    const board = newBoard();
    const drafts = new Y.Doc();
    const belief = draft(drafts, T0 + 1, "belief");
    const action = draft(drafts, T0, "action");
    linkCards(drafts, action, belief);
    copyDraftsIntoBoard(drafts, board, "ana");
    expect(readCard(board, action)?.links).toEqual([belief]);
  });

  it("repairs untrusted values instead of losing a perspective", () => {
    const board = newBoard();
    const drafts = new Y.Doc();
    const id = draft(drafts, T0, "odd");
    const card = getRoots(drafts).cards.get(id) as Y.Map<unknown>;
    card.set("at", -5);
    card.set("kind", "rumour");
    copyDraftsIntoBoard(drafts, board, "ana");
    expect(readCard(board, id)).toMatchObject({ at: 0, kind: "observation", text: "odd" });
    expect(checkInvariants(board)).toEqual([]);
  });

  it("refuses when the participant has no lane, and copies nothing", () => {
    const board = newBoard();
    const drafts = new Y.Doc();
    draft(drafts, T0, "x");
    const before = Y.encodeStateVector(board);
    expect(() => copyDraftsIntoBoard(drafts, board, "ben")).toThrow(/unknown lane "p-ben"/);
    expect(() => copyDraftsIntoBoard(drafts, board, "a/b")).toThrow(/participantId/);
    expect(Y.encodeStateVector(board)).toEqual(before);
  });

  it("is one transaction on the board, under the given origin", () => {
    const board = newBoard();
    const drafts = new Y.Doc();
    draft(drafts, T0, "a");
    draft(drafts, T0, "b");
    const origins: unknown[] = [];
    board.on("afterTransaction", (tr: Y.Transaction) => origins.push(tr.origin));
    copyDraftsIntoBoard(drafts, board, "ana", "reveal");
    expect(origins).toEqual(["reveal"]);
  });
});

describe("clearDrafts", () => {
  it("deletes the given drafts in one transaction and ignores unknown ids", () => {
    const drafts = new Y.Doc();
    const a = draft(drafts, T0, "a");
    const b = draft(drafts, T0, "b");
    const c = draft(drafts, T0, "c");
    let transactions = 0;
    drafts.on("afterTransaction", () => transactions++);
    expect(clearDrafts(drafts, [a, b, "nope"])).toBe(2);
    expect(transactions).toBe(1);
    expect(readDraftCards(drafts).map((card) => card.id)).toEqual([c]);
  });

  it("empties the room after a reveal", () => {
    const board = newBoard();
    const drafts = new Y.Doc();
    draft(drafts, T0, "a");
    draft(drafts, T0 + 1, "b");
    const ids = readDraftCards(drafts).map((card) => card.id);
    copyDraftsIntoBoard(drafts, board, "ana");
    expect(clearDrafts(drafts, ids)).toBe(2);
    expect(countDrafts(drafts)).toBe(0);
    expect(readCards(board, { laneId: laneIdForParticipant("ana") })).toHaveLength(2);
  });
});
