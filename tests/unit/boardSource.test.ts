import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addCard,
  addCards,
  addParticipantLane,
  BoardCommandError,
  createBoard,
  LIMITS,
  readBoard,
  readCard,
  readCards,
  TIMELINE_LANE_ID,
} from "../../shared/board";

function newBoard(): Y.Doc {
  const doc = new Y.Doc();
  createBoard(doc, { title: "Checkout outage", timezone: "Europe/Berlin" });
  return doc;
}

const card = {
  laneId: TIMELINE_LANE_ID,
  at: 0,
  kind: "event",
  text: "Alert",
  authorId: "ana",
} as const;

describe("card source", () => {
  it("is stored and read back when given", () => {
    const doc = newBoard();
    const id = addCard(doc, { ...card, source: "  pagerduty " });
    expect(readCard(doc, id)?.source).toBe("pagerduty");
  });

  it("is absent, not undefined-valued, on cards written on the board", () => {
    const doc = newBoard();
    const id = addCard(doc, card);
    expect(readCard(doc, id)).not.toHaveProperty("source");
  });

  it("reaches other peers", () => {
    const doc = newBoard();
    addCard(doc, { ...card, source: "slack: Ana Lima" });
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    expect(readBoard(peer).cards.map((c) => c.source)).toEqual(["slack: Ana Lima"]);
  });

  it("must be 1 to 100 characters", () => {
    const doc = newBoard();
    expect(() => addCard(doc, { ...card, source: " " })).toThrow(
      /addCard: source: must not be empty/,
    );
    expect(() => addCard(doc, { ...card, source: "x".repeat(LIMITS.sourceLength + 1) })).toThrow(
      BoardCommandError,
    );
    expect(LIMITS.sourceLength).toBe(100);
  });
});

// The batch command imports use: it must behave exactly like addCard one card after another.
describe("addCards", () => {
  it("orders cards like successive addCard calls, ties last, across lanes", () => {
    const one = newBoard();
    const batch = newBoard();
    for (const doc of [one, batch]) {
      addParticipantLane(doc, { participantId: "ana", name: "Ana" });
      addCard(doc, { ...card, id: "existing", at: 5 });
    }
    const inputs = [
      { ...card, id: "a", at: 5 },
      { ...card, id: "b", at: 1 },
      { ...card, id: "c", at: 5, laneId: "p-ana" },
      { ...card, id: "d", at: 5 },
    ];
    for (const input of inputs) addCard(one, input);
    expect(addCards(batch, inputs)).toEqual(["a", "b", "c", "d"]);
    const view = (doc: Y.Doc) =>
      readCards(doc).map(({ id, laneId, rank }) => ({ id, laneId, rank }));
    expect(view(batch)).toEqual(view(one));
    expect(readCards(batch, { laneId: TIMELINE_LANE_ID }).map((c) => c.id)).toEqual([
      "b",
      "existing",
      "a",
      "d",
    ]);
  });

  it("writes in one transaction", () => {
    const doc = newBoard();
    let transactions = 0;
    doc.on("afterTransaction", () => transactions++);
    addCards(doc, [card, card, { ...card, source: "pagerduty" }]);
    expect(transactions).toBe(1);
    expect(readCards(doc).map((c) => c.source)).toEqual([undefined, undefined, "pagerduty"]);
  });

  it("refuses the whole batch, changing nothing, over one bad card", () => {
    const doc = newBoard();
    addCard(doc, { ...card, id: "taken" });
    const before = Y.encodeStateVector(doc);
    expect(() =>
      addCards(doc, [
        { ...card, id: "new" },
        { ...card, id: "taken" },
      ]),
    ).toThrow('addCards: card id "taken" already exists');
    expect(() =>
      addCards(doc, [
        { ...card, id: "x" },
        { ...card, id: "x" },
      ]),
    ).toThrow(/"x" already exists/);
    expect(() => addCards(doc, [card, { ...card, laneId: "nope" }])).toThrow(
      'addCards: unknown lane "nope"',
    );
    expect(() => addCards(doc, [card, { ...card, at: -1 }])).toThrow(/addCards: at:/);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});
