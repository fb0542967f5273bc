import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addCard,
  addImprovement,
  createBoard,
  deleteImprovement,
  readImprovements,
  TIMELINE_LANE_ID,
  updateImprovement,
} from "../../shared/board";

function boardWithCard(): { doc: Y.Doc; card: string } {
  const doc = new Y.Doc();
  createBoard(doc, { title: "Checkout outage", timezone: "UTC" });
  const card = addCard(doc, { laneId: TIMELINE_LANE_ID, at: 1000, kind: "factor", authorId: "f" });
  return { doc, card };
}

describe("addImprovement", () => {
  it("adds an open improvement with defaults", () => {
    const { doc } = boardWithCard();
    const id = addImprovement(doc, { title: "Page on queue depth", createdAt: 5 });
    expect(readImprovements(doc)).toEqual([
      {
        id,
        title: "Page on queue depth",
        owner: "",
        due: null,
        status: "open",
        cardIds: [],
        createdAt: 5,
      },
    ]);
  });

  it("stores owner, due date, status and distinct linked cards", () => {
    const { doc, card } = boardWithCard();
    addImprovement(doc, {
      title: "Runbook for failover",
      owner: "Ben",
      due: "2026-11-30",
      status: "in-progress",
      cardIds: [card, card],
    });
    expect(readImprovements(doc)[0]).toMatchObject({
      owner: "Ben",
      due: "2026-11-30",
      status: "in-progress",
      cardIds: [card],
    });
  });

  it("lists improvements in creation order", () => {
    const { doc } = boardWithCard();
    addImprovement(doc, { title: "Second", createdAt: 2 });
    addImprovement(doc, { title: "First", createdAt: 1 });
    expect(readImprovements(doc).map((item) => item.title)).toEqual(["First", "Second"]);
  });

  it("rejects a bad due date, an unknown status and an unknown card, naming each", () => {
    const { doc } = boardWithCard();
    expect(() => addImprovement(doc, { title: "T", due: "30/11/2026" })).toThrow(/due/);
    expect(() => addImprovement(doc, { title: "T", status: "blocked" } as never)).toThrow(/status/);
    expect(() => addImprovement(doc, { title: "T", cardIds: ["ghost"] })).toThrow(
      /unknown card "ghost"/,
    );
    expect(readImprovements(doc)).toEqual([]);
  });
});

describe("updateImprovement", () => {
  it("changes only the given fields and replaces the card list", () => {
    const { doc, card } = boardWithCard();
    const id = addImprovement(doc, { title: "Runbook", owner: "Ben", due: "2026-11-30" });
    updateImprovement(doc, id, { status: "done", due: null, cardIds: [card] });
    expect(readImprovements(doc)[0]).toMatchObject({
      title: "Runbook",
      owner: "Ben",
      due: null,
      status: "done",
      cardIds: [card],
    });
    updateImprovement(doc, id, { cardIds: [] });
    expect(readImprovements(doc)[0]?.cardIds).toEqual([]);
  });

  it("writes nothing when one field is refused", () => {
    const { doc } = boardWithCard();
    const id = addImprovement(doc, { title: "Runbook" });
    expect(() => updateImprovement(doc, id, { title: "Changed", cardIds: ["ghost"] })).toThrow(
      /ghost/,
    );
    expect(readImprovements(doc)[0]?.title).toBe("Runbook");
  });

  it("refuses an unknown improvement", () => {
    expect(() => updateImprovement(boardWithCard().doc, "nope", { status: "done" })).toThrow(
      /unknown improvement "nope"/,
    );
  });
});

describe("deleteImprovement", () => {
  it("deletes the improvement and keeps its cards", () => {
    const { doc, card } = boardWithCard();
    const id = addImprovement(doc, { title: "Runbook", cardIds: [card] });
    deleteImprovement(doc, id);
    expect(readImprovements(doc)).toEqual([]);
    expect(() => deleteImprovement(doc, id)).toThrow(/unknown improvement/);
  });
});
