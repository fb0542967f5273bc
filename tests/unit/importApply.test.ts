import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addCard,
  checkInvariants,
  createBoard,
  ID_PATTERN,
  readCards,
  TIMELINE_LANE_ID,
} from "../../shared/board";
import {
  applyTimelineRows,
  importCardId,
  parseTimeline,
  sha256,
  type TimelineRow,
} from "../../shared/import";

const row = (at: number, text: string, source = "pagerduty") => ({ line: 2, at, text, source });
const T0 = Date.parse("2026-11-02T13:03:12Z");

function newBoard(): Y.Doc {
  const doc = new Y.Doc();
  createBoard(doc, { title: "Checkout outage", timezone: "Europe/Berlin" });
  return doc;
}

describe("sha256", () => {
  it("matches node:crypto on the standard vectors and around block boundaries", () => {
    const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
    expect(hex(sha256(new Uint8Array()))).toBe(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
    expect(hex(sha256(new TextEncoder().encode("abc")))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    for (const length of [1, 55, 56, 57, 63, 64, 65, 119, 120, 1000]) {
      const data = crypto.randomBytes(length);
      expect(hex(sha256(data)), `length ${length}`).toBe(
        crypto.createHash("sha256").update(data).digest("hex"),
      );
    }
  });
});

describe("importCardId", () => {
  it("is a valid card id, the same for the same row on the same board", () => {
    const id = importCardId("board-1", row(T0, "Alert fired"));
    expect(id).toMatch(ID_PATTERN);
    expect(id).toMatch(/^imp-[A-Za-z0-9_-]{22}$/);
    const sameRowElsewhere: TimelineRow = { ...row(T0, "Alert fired"), line: 99 };
    expect(importCardId("board-1", sameRowElsewhere)).toBe(id);
  });

  it("differs when the board, time, text or source differs", () => {
    const id = importCardId("board-1", row(T0, "Alert fired"));
    expect(importCardId("board-2", row(T0, "Alert fired"))).not.toBe(id);
    expect(importCardId("board-1", row(T0 + 1, "Alert fired"))).not.toBe(id);
    expect(importCardId("board-1", row(T0, "Alert fired!"))).not.toBe(id);
    expect(importCardId("board-1", row(T0, "Alert fired", "grafana"))).not.toBe(id);
    // Parts cannot bleed into each other.
    expect(importCardId("b", row(T0, "x,y", "s"))).not.toBe(importCardId("b", row(T0, "x", "y,s")));
  });
});

describe("applyTimelineRows", () => {
  it("adds each row as an event card on the timeline with its source and the importer as author", () => {
    const doc = newBoard();
    const result = applyTimelineRows(doc, {
      boardId: "b1",
      authorId: "ana",
      createdAt: 1,
      rows: [row(T0, "Alert fired"), row(T0 + 60_000, "Rollback", "deploy-bot")],
    });
    expect(result.imported).toBe(2);
    expect(result.skipped).toBe(0);
    const cards = readCards(doc);
    expect(result.cards).toEqual(cards.map((card) => card.id));
    expect(
      cards.map(({ laneId, at, kind, text, authorId, createdAt, source }) => ({
        laneId,
        at,
        kind,
        text,
        authorId,
        createdAt,
        source,
      })),
    ).toEqual([
      {
        laneId: TIMELINE_LANE_ID,
        at: T0,
        kind: "event",
        text: "Alert fired",
        authorId: "ana",
        createdAt: 1,
        source: "pagerduty",
      },
      {
        laneId: TIMELINE_LANE_ID,
        at: T0 + 60_000,
        kind: "event",
        text: "Rollback",
        authorId: "ana",
        createdAt: 1,
        source: "deploy-bot",
      },
    ]);
    expect(checkInvariants(doc)).toEqual([]);
  });

  it("keeps the file's order for rows at the same time", () => {
    const doc = newBoard();
    applyTimelineRows(doc, {
      boardId: "b1",
      authorId: "ana",
      rows: [row(T0, "b"), row(T0, "a"), row(T0, "c")],
    });
    expect(readCards(doc).map((card) => card.text)).toEqual(["b", "a", "c"]);
  });

  it("adds nothing on a re-import, and only the new rows of an extended file", () => {
    const doc = newBoard();
    const rows = [row(T0, "Alert fired"), row(T0 + 1000, "Ack")];
    applyTimelineRows(doc, { boardId: "b1", authorId: "ana", rows });
    const before = Y.encodeStateVector(doc);
    const again = applyTimelineRows(doc, { boardId: "b1", authorId: "ben", rows });
    expect(again).toEqual({ imported: 0, skipped: 2, cards: [] });
    expect(Y.encodeStateVector(doc)).toEqual(before);
    const extended = applyTimelineRows(doc, {
      boardId: "b1",
      authorId: "ben",
      rows: [...rows, row(T0 + 2000, "Resolved")],
    });
    expect(extended).toMatchObject({ imported: 1, skipped: 2 });
    expect(readCards(doc)).toHaveLength(3);
  });

  it("counts a row repeated within one import once", () => {
    const doc = newBoard();
    const result = applyTimelineRows(doc, {
      boardId: "b1",
      authorId: "ana",
      rows: [row(T0, "x"), row(T0, "x")],
    });
    expect(result).toMatchObject({ imported: 1, skipped: 1 });
  });

  it("leaves cards written on the board alone", () => {
    const doc = newBoard();
    addCard(doc, {
      laneId: TIMELINE_LANE_ID,
      at: T0,
      kind: "event",
      text: "Alert fired",
      authorId: "ana",
    });
    applyTimelineRows(doc, { boardId: "b1", authorId: "ana", rows: [row(T0, "Alert fired")] });
    expect(readCards(doc).map((card) => card.source)).toEqual([undefined, "pagerduty"]);
  });

  it("imports 5,000 rows in one transaction, quickly", () => {
    const doc = newBoard();
    const lines = Array.from(
      { length: 5_000 },
      (_, i) =>
        `2026-11-02T13:${String(Math.floor(i / 100) % 60).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}Z,row ${i},monitor`,
    );
    const { rows } = parseTimeline({
      format: "csv",
      content: `time,text,source\n${lines.join("\n")}`,
      timeZone: "UTC",
      reference: T0,
    });
    let transactions = 0;
    doc.on("afterTransaction", () => transactions++);
    const started = performance.now();
    const result = applyTimelineRows(doc, { boardId: "b1", authorId: "ana", rows });
    const elapsed = performance.now() - started;
    expect(result.imported).toBe(5_000);
    expect(transactions).toBe(1);
    // A generous bound for slow CI machines; it guards against accidental quadratic blow-ups.
    expect(elapsed).toBeLessThan(10_000);
  });
});
