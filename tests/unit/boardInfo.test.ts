import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  BoardCommandError,
  checkInvariants,
  createBoard,
  isBoardCreated,
  readInfo,
  readLanes,
  TIMELINE_LANE_ID,
  updateBoardInfo,
} from "../../shared/board";

function newBoard(): Y.Doc {
  const doc = new Y.Doc();
  createBoard(doc, {
    title: "Checkout outage",
    incidentStart: "2026-11-02T14:05:00+01:00",
    timezone: "Europe/Berlin",
    createdAt: 1_700_000_000_000,
  });
  return doc;
}

describe("createBoard", () => {
  it("stores the board info", () => {
    expect(readInfo(newBoard())).toEqual({
      title: "Checkout outage",
      incidentStart: "2026-11-02T14:05:00+01:00",
      incidentEnd: null,
      timezone: "Europe/Berlin",
      createdAt: 1_700_000_000_000,
    });
  });

  it("creates exactly one timeline lane named Timeline at order 0", () => {
    const lanes = readLanes(newBoard());
    expect(lanes).toHaveLength(1);
    expect(lanes[0]).toMatchObject({
      id: TIMELINE_LANE_ID,
      kind: "timeline",
      name: "Timeline",
      order: 0,
      participantId: null,
    });
  });

  it("yields a board without invariant violations", () => {
    expect(checkInvariants(newBoard())).toEqual([]);
  });

  it("refuses to create a board twice and leaves a single timeline lane", () => {
    const doc = newBoard();
    expect(() => createBoard(doc, { title: "Again", timezone: "UTC" })).toThrow(/already exists/);
    expect(readInfo(doc).title).toBe("Checkout outage");
    expect(readLanes(doc)).toHaveLength(1);
  });

  it("reports the refusal as a conflict", () => {
    const doc = newBoard();
    try {
      createBoard(doc, { title: "Again", timezone: "UTC" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BoardCommandError);
      expect((error as BoardCommandError).code).toBe("conflict");
    }
  });

  it("stores the canonical spelling of the time zone", () => {
    const doc = new Y.Doc();
    createBoard(doc, { title: "T", timezone: "europe/berlin" });
    expect(readInfo(doc).timezone).toBe("Europe/Berlin");
  });

  it("stamps createdAt with the current time when none is given", () => {
    const doc = new Y.Doc();
    const before = Date.now();
    createBoard(doc, { title: "T", timezone: "UTC" });
    expect(readInfo(doc).createdAt).toBeGreaterThanOrEqual(before);
  });

  it("runs in one transaction carrying the caller's origin", () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on("afterTransaction", (transaction) => origins.push(transaction.origin));
    createBoard(doc, { title: "T", timezone: "UTC" }, "facilitator");
    expect(origins).toEqual(["facilitator"]);
  });

  it("rejects an unknown time zone, naming the field", () => {
    expect(() => createBoard(new Y.Doc(), { title: "T", timezone: "Mars/Olympus" })).toThrow(
      /timezone/,
    );
  });

  it("rejects a UTC offset given as a time zone", () => {
    expect(() => createBoard(new Y.Doc(), { title: "T", timezone: "+01:00" })).toThrow(/timezone/);
  });

  it("rejects an incident start without an offset, naming the field", () => {
    const input = { title: "T", timezone: "UTC", incidentStart: "2026-11-02T14:05:00" };
    expect(() => createBoard(new Y.Doc(), input)).toThrow(/incidentStart/);
  });

  it("rejects an incident end before its start", () => {
    const input = {
      title: "T",
      timezone: "UTC",
      incidentStart: "2026-11-02T14:05:00+01:00",
      incidentEnd: "2026-11-02T13:59:00+01:00",
    };
    expect(() => createBoard(new Y.Doc(), input)).toThrow(/incidentEnd/);
  });

  it("rejects an empty title", () => {
    expect(() => createBoard(new Y.Doc(), { title: "  ", timezone: "UTC" })).toThrow(/title/);
  });

  it("rejects unknown input fields, so typos do not pass silently", () => {
    const input = { title: "T", timezone: "UTC", timeZone: "UTC" } as never;
    expect(() => createBoard(new Y.Doc(), input)).toThrow(/timeZone/);
  });

  it("writes nothing when the input is invalid", () => {
    const doc = new Y.Doc();
    expect(() => createBoard(doc, { title: "T", timezone: "Nowhere" })).toThrow();
    expect(isBoardCreated(doc)).toBe(false);
    expect(readLanes(doc)).toEqual([]);
  });
});

describe("updateBoardInfo", () => {
  it("changes only the given fields", () => {
    const doc = newBoard();
    updateBoardInfo(doc, {
      title: "Checkout outage, 2 Nov",
      incidentEnd: "2026-11-02T15:40:00+01:00",
    });
    expect(readInfo(doc)).toMatchObject({
      title: "Checkout outage, 2 Nov",
      incidentStart: "2026-11-02T14:05:00+01:00",
      incidentEnd: "2026-11-02T15:40:00+01:00",
      timezone: "Europe/Berlin",
    });
  });

  it("clears an incident time given as null", () => {
    const doc = newBoard();
    updateBoardInfo(doc, { incidentStart: null });
    expect(readInfo(doc).incidentStart).toBeNull();
  });

  it("accepts a new time zone", () => {
    const doc = newBoard();
    updateBoardInfo(doc, { timezone: "America/New_York" });
    expect(readInfo(doc).timezone).toBe("America/New_York");
  });

  it("rejects an end before the stored start, naming incidentEnd", () => {
    const doc = newBoard();
    expect(() => updateBoardInfo(doc, { incidentEnd: "2026-11-02T12:00:00+01:00" })).toThrow(
      /incidentEnd/,
    );
    expect(readInfo(doc).incidentEnd).toBeNull();
  });

  it("compares incident times across offsets", () => {
    const doc = newBoard();
    // 13:30Z is 14:30+01:00, after the 14:05+01:00 start.
    updateBoardInfo(doc, { incidentEnd: "2026-11-02T13:30:00Z" });
    expect(readInfo(doc).incidentEnd).toBe("2026-11-02T13:30:00Z");
  });

  it("rejects a bad time zone, naming the field", () => {
    expect(() => updateBoardInfo(newBoard(), { timezone: "Europe/Atlantis" })).toThrow(/timezone/);
  });

  it("refuses to update a board that was never created", () => {
    expect(() => updateBoardInfo(new Y.Doc(), { title: "T" })).toThrow(/not been created/);
  });
});

describe("readInfo", () => {
  it("reads an uncreated board as empty defaults", () => {
    expect(readInfo(new Y.Doc())).toEqual({
      title: "",
      incidentStart: null,
      incidentEnd: null,
      timezone: "UTC",
      createdAt: 0,
    });
  });
});
