import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addCard,
  createBoard,
  LIMITS,
  linkCards,
  markNewToMe,
  readCard,
  TIMELINE_LANE_ID,
  unlinkCards,
  vote,
} from "../../shared/board";

function boardWithCards(): { doc: Y.Doc; a: string; b: string } {
  const doc = new Y.Doc();
  createBoard(doc, { title: "Checkout outage", timezone: "UTC" });
  const card = (at: number) =>
    addCard(doc, { laneId: TIMELINE_LANE_ID, at, kind: "event", authorId: "fac" });
  return { doc, a: card(1000), b: card(2000) };
}

describe("vote", () => {
  it("adds votes per participant and totals them", () => {
    const { doc, a } = boardWithCards();
    expect(vote(doc, { cardId: a, participantId: "ana", delta: 2 })).toBe(2);
    vote(doc, { cardId: a, participantId: "ben", delta: 1 });
    expect(readCard(doc, a)).toMatchObject({ votes: { ana: 2, ben: 1 }, voteTotal: 3 });
  });

  it("reads the same votes, in the same order, on peers that received them in different orders", () => {
    const { doc: origin, a } = boardWithCards();
    const start = Y.encodeStateAsUpdate(origin);
    const peer = (participantId: string) => {
      const d = new Y.Doc();
      Y.applyUpdate(d, start);
      const before = Y.encodeStateVector(d);
      vote(d, { cardId: a, participantId, delta: 1 });
      return Y.encodeStateAsUpdate(d, before);
    };
    const [zoe, ana] = [peer("zoe"), peer("ana")];
    const first = new Y.Doc();
    const second = new Y.Doc();
    for (const [d, updates] of [
      [first, [start, zoe, ana]],
      [second, [start, ana, zoe]],
    ] as const) {
      for (const u of updates) Y.applyUpdate(d, u);
    }
    expect(JSON.stringify(readCard(first, a)?.votes)).toBe('{"ana":1,"zoe":1}');
    expect(JSON.stringify(readCard(second, a)?.votes)).toBe('{"ana":1,"zoe":1}');
  });

  it("never lets a count drop below zero, and forgets a participant at zero", () => {
    const { doc, a } = boardWithCards();
    vote(doc, { cardId: a, participantId: "ana", delta: 1 });
    expect(vote(doc, { cardId: a, participantId: "ana", delta: -5 })).toBe(0);
    expect(readCard(doc, a)?.votes).toEqual({});
  });

  it("caps a participant's votes on one card", () => {
    const { doc, a } = boardWithCards();
    vote(doc, { cardId: a, participantId: "ana", delta: 60 });
    expect(vote(doc, { cardId: a, participantId: "ana", delta: 60 })).toBe(
      LIMITS.votesPerParticipant,
    );
  });

  it("rejects a fractional delta and an unknown card, naming them", () => {
    const { doc, a } = boardWithCards();
    expect(() => vote(doc, { cardId: a, participantId: "ana", delta: 0.5 })).toThrow(/delta/);
    expect(() => vote(doc, { cardId: "nope", participantId: "ana", delta: 1 })).toThrow(
      /unknown card "nope"/,
    );
  });
});

describe("markNewToMe", () => {
  it("marks and unmarks a card as new to a participant", () => {
    const { doc, a } = boardWithCards();
    markNewToMe(doc, { cardId: a, participantId: "ben", value: true });
    markNewToMe(doc, { cardId: a, participantId: "ana", value: true });
    expect(readCard(doc, a)?.newToMe).toEqual(["ana", "ben"]);
    markNewToMe(doc, { cardId: a, participantId: "ben", value: false });
    expect(readCard(doc, a)?.newToMe).toEqual(["ana"]);
  });

  it("rejects a value that is not a boolean, naming the field", () => {
    const { doc, a } = boardWithCards();
    const input = { cardId: a, participantId: "ana", value: "yes" } as never;
    expect(() => markNewToMe(doc, input)).toThrow(/value/);
  });
});

describe("linkCards and unlinkCards", () => {
  it("link a card to another in one direction, once", () => {
    const { doc, a, b } = boardWithCards();
    linkCards(doc, a, b);
    linkCards(doc, a, b);
    expect(readCard(doc, a)?.links).toEqual([b]);
    expect(readCard(doc, b)?.links).toEqual([]);
    unlinkCards(doc, a, b);
    expect(readCard(doc, a)?.links).toEqual([]);
  });

  it("refuse to link a card to itself or to an unknown card", () => {
    const { doc, a } = boardWithCards();
    expect(() => linkCards(doc, a, a)).toThrow(/toId/);
    expect(() => linkCards(doc, a, "nope")).toThrow(/unknown card "nope"/);
  });

  it("treat unlinking an absent link as done", () => {
    const { doc, a, b } = boardWithCards();
    expect(() => unlinkCards(doc, a, b)).not.toThrow();
  });
});
