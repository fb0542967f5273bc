import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addCard,
  addImprovement,
  addParticipantLane,
  CARD_KINDS,
  createBoard,
  deleteCard,
  getCardTextFragment,
  getRoots,
  linkCards,
  moveCard,
  readCard,
  readCards,
  readImprovements,
  setCardKind,
  setCardText,
  TIMELINE_LANE_ID,
} from "../../shared/board";

const T0 = Date.UTC(2026, 10, 2, 13, 5);

function newBoard(): { doc: Y.Doc; ana: string } {
  const doc = new Y.Doc();
  createBoard(doc, { title: "Checkout outage", timezone: "Europe/Berlin" });
  const ana = addParticipantLane(doc, { participantId: "ana", name: "Ana" });
  return { doc, ana };
}

function fact(doc: Y.Doc, at: number, text = "", id?: string): string {
  return addCard(doc, { id, laneId: TIMELINE_LANE_ID, at, kind: "event", text, authorId: "fac" });
}

describe("addCard", () => {
  it("stores a card and reads it back as a plain snapshot", () => {
    const { doc, ana } = newBoard();
    const id = addCard(doc, {
      laneId: ana,
      at: T0,
      kind: "observation",
      text: "Error rate alert fired\nDashboards were green",
      authorId: "ana",
      createdAt: 42,
    });
    expect(readCard(doc, id)).toEqual({
      id,
      laneId: ana,
      at: T0,
      kind: "observation",
      text: "Error rate alert fired\nDashboards were green",
      authorId: "ana",
      createdAt: 42,
      rank: expect.any(String),
      votes: {},
      voteTotal: 0,
      newToMe: [],
      links: [],
    });
  });

  it("uses a caller-given id, as the draft reveal does", () => {
    const { doc } = newBoard();
    expect(fact(doc, T0, "", "draft-card-1")).toBe("draft-card-1");
    expect(readCard(doc, "draft-card-1")).not.toBeNull();
  });

  it("refuses an id that is already taken", () => {
    const { doc } = newBoard();
    fact(doc, T0, "", "c1");
    expect(() => fact(doc, T0, "", "c1")).toThrow(/card id "c1" already exists/);
  });

  it("refuses an unknown lane, naming it", () => {
    const { doc } = newBoard();
    const input = { laneId: "p-ghost", at: T0, kind: "event", authorId: "fac" } as const;
    expect(() => addCard(doc, input)).toThrow(/unknown lane "p-ghost"/);
  });

  it("rejects an unknown kind, naming the field", () => {
    const { doc } = newBoard();
    const input = { laneId: TIMELINE_LANE_ID, at: T0, kind: "blame", authorId: "fac" } as never;
    expect(() => addCard(doc, input)).toThrow(/kind/);
  });

  it("rejects a negative or fractional time, naming the field", () => {
    const { doc } = newBoard();
    const base = { laneId: TIMELINE_LANE_ID, kind: "event", authorId: "fac" } as const;
    expect(() => addCard(doc, { ...base, at: -1 })).toThrow(/at: must not be negative/);
    expect(() => addCard(doc, { ...base, at: 1.5 })).toThrow(/at: must be an integer/);
  });

  it("rejects text longer than a card holds", () => {
    const { doc } = newBoard();
    const input = { laneId: TIMELINE_LANE_ID, at: T0, kind: "event", authorId: "fac" } as const;
    expect(() => addCard(doc, { ...input, text: "x".repeat(10_001) })).toThrow(/text/);
  });

  it("accepts every card kind", () => {
    const { doc } = newBoard();
    for (const kind of CARD_KINDS) {
      addCard(doc, { laneId: TIMELINE_LANE_ID, at: T0, kind, authorId: "fac" });
    }
    expect(readCards(doc).map((card) => card.kind)).toEqual([...CARD_KINDS]);
  });

  it("produces exactly one document update", () => {
    const { doc } = newBoard();
    let updates = 0;
    doc.on("update", () => updates++);
    fact(doc, T0, "one\ntwo");
    expect(updates).toBe(1);
  });
});

describe("card order", () => {
  it("sorts cards by incident time first", () => {
    const { doc } = newBoard();
    fact(doc, T0 + 2000, "third");
    fact(doc, T0, "first");
    fact(doc, T0 + 1000, "second");
    expect(readCards(doc).map((card) => card.text)).toEqual(["first", "second", "third"]);
  });

  it("places a new card after the cards already at the same time in its lane", () => {
    const { doc } = newBoard();
    for (const text of ["a", "b", "c", "d"]) fact(doc, T0, text);
    expect(readCards(doc).map((card) => card.text)).toEqual(["a", "b", "c", "d"]);
  });

  it("keeps appended ranks short: one character for the first 31 cards at one time", () => {
    const { doc } = newBoard();
    for (let i = 0; i < 31; i++) fact(doc, T0);
    expect(Math.max(...readCards(doc).map((card) => card.rank.length))).toBe(1);
    for (let i = 0; i < 31; i++) fact(doc, T0);
    expect(Math.max(...readCards(doc).map((card) => card.rank.length))).toBe(2);
  });

  it("breaks equal time and rank by id", () => {
    const { doc } = newBoard();
    fact(doc, T0, "", "b");
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    // Same lane and time added on two peers at once: equal ranks.
    fact(doc, T0 + 1, "", "z");
    fact(other, T0 + 1, "", "y");
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    expect(readCards(doc).map((card) => card.id)).toEqual(["b", "y", "z"]);
  });

  it("filters by lane", () => {
    const { doc, ana } = newBoard();
    fact(doc, T0, "fact");
    addCard(doc, { laneId: ana, at: T0, kind: "belief", text: "mine", authorId: "ana" });
    expect(readCards(doc, { laneId: ana }).map((card) => card.text)).toEqual(["mine"]);
  });
});

describe("moveCard", () => {
  it("changes time and lane, going last among the cards already there", () => {
    const { doc, ana } = newBoard();
    const first = addCard(doc, { laneId: ana, at: T0, kind: "action", authorId: "ana" });
    const moved = fact(doc, T0 - 5000, "moved");
    moveCard(doc, moved, { at: T0, laneId: ana });
    expect(readCards(doc, { laneId: ana }).map((card) => card.id)).toEqual([first, moved]);
  });

  it("keeps the lane when none is given", () => {
    const { doc } = newBoard();
    const id = fact(doc, T0);
    moveCard(doc, id, { at: T0 + 60_000 });
    expect(readCard(doc, id)).toMatchObject({ laneId: TIMELINE_LANE_ID, at: T0 + 60_000 });
  });

  it("keeps the rank when nothing changes", () => {
    const { doc } = newBoard();
    const id = fact(doc, T0);
    fact(doc, T0);
    const rank = readCard(doc, id)?.rank;
    moveCard(doc, id, { at: T0 });
    expect(readCard(doc, id)?.rank).toBe(rank);
  });

  it("refuses an unknown card or lane, and a negative time", () => {
    const { doc } = newBoard();
    const id = fact(doc, T0);
    expect(() => moveCard(doc, "nope", { at: T0 })).toThrow(/unknown card "nope"/);
    expect(() => moveCard(doc, id, { at: T0, laneId: "p-ghost" })).toThrow(/unknown lane/);
    expect(() => moveCard(doc, id, { at: -5 })).toThrow(/at/);
  });
});

describe("setCardKind", () => {
  it("changes the kind", () => {
    const { doc } = newBoard();
    const id = fact(doc, T0);
    setCardKind(doc, id, "factor");
    expect(readCard(doc, id)?.kind).toBe("factor");
  });

  it("rejects an unknown kind, naming the field", () => {
    const { doc } = newBoard();
    expect(() => setCardKind(doc, fact(doc, T0), "root-cause")).toThrow(/kind/);
  });
});

describe("setCardText", () => {
  it("replaces the text inside the same fragment, so bound editors stay bound", () => {
    const { doc } = newBoard();
    const id = fact(doc, T0, "old");
    const fragment = getCardTextFragment(doc, id);
    setCardText(doc, id, "new\nlines");
    expect(getCardTextFragment(doc, id)).toBe(fragment);
    expect(readCard(doc, id)?.text).toBe("new\nlines");
  });

  it("refuses an unknown card", () => {
    expect(() => setCardText(newBoard().doc, "nope", "x")).toThrow(/unknown card/);
  });
});

describe("deleteCard", () => {
  it("removes the card and every reference to it", () => {
    const { doc } = newBoard();
    const doomed = fact(doc, T0, "doomed");
    const other = fact(doc, T0 + 1, "other");
    linkCards(doc, other, doomed);
    const improvement = addImprovement(doc, {
      title: "Alert on queue depth",
      cardIds: [doomed, other],
    });
    deleteCard(doc, doomed);
    expect(readCard(doc, doomed)).toBeNull();
    expect(readCard(doc, other)?.links).toEqual([]);
    expect(readImprovements(doc).find((item) => item.id === improvement)?.cardIds).toEqual([other]);
    // The stored arrays are cleaned, not just filtered by readers.
    expect(JSON.stringify(getRoots(doc).cards.toJSON())).not.toContain(doomed);
    expect(JSON.stringify(getRoots(doc).improvements.toJSON())).not.toContain(doomed);
  });

  it("refuses an unknown card", () => {
    expect(() => deleteCard(newBoard().doc, "nope")).toThrow(/unknown card "nope"/);
  });
});

describe("readCard", () => {
  it("returns null for an unknown id", () => {
    expect(readCard(newBoard().doc, "nope")).toBeNull();
  });
});
