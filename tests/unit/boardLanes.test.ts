import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addCard,
  addParticipantLane,
  colorForParticipant,
  createBoard,
  deleteCard,
  LANE_PALETTE,
  laneIdForParticipant,
  readLanes,
  removeLane,
  renameLane,
  setLaneColor,
  TIMELINE_LANE_ID,
} from "../../shared/board";

function newBoard(): Y.Doc {
  const doc = new Y.Doc();
  createBoard(doc, { title: "Checkout outage", timezone: "Europe/Berlin" });
  return doc;
}

describe("addParticipantLane", () => {
  it("adds a participant lane under the participant's deterministic id", () => {
    const doc = newBoard();
    const laneId = addParticipantLane(doc, { participantId: "ana", name: "Ana", color: "#10B981" });
    expect(laneId).toBe(laneIdForParticipant("ana"));
    expect(readLanes(doc)[1]).toEqual({
      id: laneId,
      kind: "participant",
      name: "Ana",
      color: "#10b981",
      participantId: "ana",
      order: 1,
    });
  });

  it("orders each new lane after the highest existing order", () => {
    const doc = newBoard();
    addParticipantLane(doc, { participantId: "ana", name: "Ana" });
    addParticipantLane(doc, { participantId: "ben", name: "Ben" });
    expect(readLanes(doc).map((lane) => [lane.name, lane.order])).toEqual([
      ["Timeline", 0],
      ["Ana", 1],
      ["Ben", 2],
    ]);
  });

  it("picks a palette colour from the participant id when none is given", () => {
    const doc = newBoard();
    addParticipantLane(doc, { participantId: "ana", name: "Ana" });
    const color = readLanes(doc)[1]?.color;
    expect(color).toBe(colorForParticipant("ana"));
    expect(LANE_PALETTE).toContain(color);
  });

  it("only renames a lane that already exists", () => {
    const doc = newBoard();
    addParticipantLane(doc, { participantId: "ana", name: "Ana", color: "#10b981" });
    addParticipantLane(doc, { participantId: "ben", name: "Ben" });
    addParticipantLane(doc, { participantId: "ana", name: "Ana P.", color: "#3b82f6" });
    const lanes = readLanes(doc);
    expect(lanes).toHaveLength(3);
    expect(lanes[1]).toMatchObject({ name: "Ana P.", color: "#10b981", order: 1 });
  });

  it("rejects a participant id with characters unsafe in keys, naming the field", () => {
    expect(() => addParticipantLane(newBoard(), { participantId: "a/b", name: "A" })).toThrow(
      /participantId/,
    );
  });

  it("accepts the longest participant id and still yields a lane id the other commands accept", () => {
    const doc = newBoard();
    const laneId = addParticipantLane(doc, { participantId: "a".repeat(64), name: "A" });
    renameLane(doc, laneId, "Renamed");
    expect(readLanes(doc)[1]?.name).toBe("Renamed");
    expect(() => addParticipantLane(doc, { participantId: "a".repeat(65), name: "A" })).toThrow(
      /participantId/,
    );
  });

  it("rejects a colour that is not #rrggbb, naming the field", () => {
    const input = { participantId: "ana", name: "Ana", color: "blue" };
    expect(() => addParticipantLane(newBoard(), input)).toThrow(/color/);
  });

  it("rejects an empty name", () => {
    expect(() => addParticipantLane(newBoard(), { participantId: "ana", name: "" })).toThrow(
      /name/,
    );
  });
});

describe("colorForParticipant", () => {
  it("gives the same colour for the same id and spreads ids over the palette", () => {
    expect(colorForParticipant("ana")).toBe(colorForParticipant("ana"));
    const used = new Set(Array.from({ length: 50 }, (_, i) => colorForParticipant(`p${i}`)));
    expect(used.size).toBeGreaterThan(LANE_PALETTE.length / 2);
  });
});

describe("renameLane and setLaneColor", () => {
  it("rename a lane and recolour it", () => {
    const doc = newBoard();
    const laneId = addParticipantLane(doc, { participantId: "ana", name: "Ana" });
    renameLane(doc, laneId, "Ana (on call)");
    setLaneColor(doc, TIMELINE_LANE_ID, "#0F172A");
    const [timeline, ana] = readLanes(doc);
    expect(ana?.name).toBe("Ana (on call)");
    expect(timeline?.color).toBe("#0f172a");
  });

  it("refuse an unknown lane, naming it", () => {
    expect(() => renameLane(newBoard(), "p-nobody", "X")).toThrow(/unknown lane "p-nobody"/);
    expect(() => setLaneColor(newBoard(), "p-nobody", "#000000")).toThrow(/p-nobody/);
  });

  it("refuse a bad colour, naming the field", () => {
    expect(() => setLaneColor(newBoard(), TIMELINE_LANE_ID, "#12345")).toThrow(/color/);
  });
});

describe("removeLane", () => {
  it("removes an empty participant lane", () => {
    const doc = newBoard();
    const laneId = addParticipantLane(doc, { participantId: "ana", name: "Ana" });
    removeLane(doc, laneId);
    expect(readLanes(doc).map((lane) => lane.id)).toEqual([TIMELINE_LANE_ID]);
  });

  it("refuses to remove the timeline lane", () => {
    expect(() => removeLane(newBoard(), TIMELINE_LANE_ID)).toThrow(/timeline lane/);
  });

  it("refuses to remove a lane that still holds cards, until they are gone", () => {
    const doc = newBoard();
    const laneId = addParticipantLane(doc, { participantId: "ana", name: "Ana" });
    const cardId = addCard(doc, { laneId, at: 1000, kind: "belief", authorId: "ana" });
    expect(() => removeLane(doc, laneId)).toThrow(/still holds 1 card/);
    deleteCard(doc, cardId);
    removeLane(doc, laneId);
    expect(readLanes(doc)).toHaveLength(1);
  });

  it("refuses an unknown lane", () => {
    expect(() => removeLane(newBoard(), "p-ghost")).toThrow(/unknown lane/);
  });
});
