import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type Card, readBoard, TIMELINE_LANE_ID } from "../../shared/board";
import { type CreatedBoard, createBoard, join, postJson, type SessionReply } from "../support/api";
import { type ServerHandle, startServer } from "../support/serverProcess";
import { connectClient, synced } from "../support/syncClient";

const fixture = (name: string) =>
  fs.readFileSync(path.join(import.meta.dirname, "../fixtures/import", name), "utf8");

let server: ServerHandle;

beforeAll(async () => {
  server = await startServer({ env: { SESSION_RATE_PER_MINUTE: "1000" } });
});

afterAll(async () => {
  await server.stop();
});

type Board = {
  board: CreatedBoard;
  facilitator: SessionReply;
  participant: SessionReply;
  observer: SessionReply;
};

async function newBoard(): Promise<Board> {
  const board = await createBoard(server.url, {
    title: "Checkout errors after the 14:00 deploy",
    timezone: "Europe/Berlin",
    incidentStart: "2026-11-02T14:00:00+01:00",
  });
  const [facilitator, participant, observer] = await Promise.all([
    join(server.url, board.id, board.keys.facilitator, "Fran"),
    join(server.url, board.id, board.keys.participant, "Ana"),
    join(server.url, board.id, board.keys.observer, "Olu"),
  ]);
  return { board, facilitator, participant, observer };
}

function importTimeline(boardId: string, token: string, body: unknown) {
  return postJson(`${server.url}/api/boards/${boardId}/timeline/import`, body, {
    authorization: `Bearer ${token}`,
  });
}

/**
 * Sends only the head of a POST that declares `length` bytes of JSON body, and reads the answer
 * (over a raw socket: fetch would insist on sending the body).
 */
function declareBody(
  pathname: string,
  token: string,
  length: number,
): Promise<{ status: number; json: { error?: string } | undefined }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(
        `POST ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\n` +
          `Authorization: Bearer ${token}\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${length}\r\n\r\n`,
      );
    });
    let raw = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      raw += chunk;
      const [head = "", body = ""] = raw.split("\r\n\r\n");
      const declared = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? Number.NaN);
      if (Buffer.byteLength(body) < declared) return;
      socket.destroy();
      const status = Number(head.split(" ")[1]);
      resolve({ status, json: body ? JSON.parse(body) : undefined });
    });
    socket.on("error", reject);
    setTimeout(() => reject(new Error("no answer in 10 s")), 10_000).unref();
  });
}

/** The board as a freshly connected client sees it: what the server has stored. */
async function fetchDoc(boardId: string, token: string): Promise<Y.Doc> {
  const client = connectClient(server.wsUrl, boardId, token);
  try {
    await synced(client);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(client.doc));
    return copy;
  } finally {
    client.destroy();
  }
}

const stateVector = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString("base64");
const timelineCards = (doc: Y.Doc): Card[] =>
  readBoard(doc).cards.filter((card) => card.laneId === TIMELINE_LANE_ID);

describe("POST /api/boards/:id/timeline/import", () => {
  it("imports an alert-timeline CSV as event cards on the timeline, with sources", async () => {
    const { board, participant } = await newBoard();
    const res = await importTimeline(board.id, participant.token, {
      format: "csv",
      content: fixture("alert-timeline.csv"),
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json).toMatchObject({ format: "csv", imported: 8, skipped: 0 });
    const ids = res.json?.cards as string[];
    expect(ids).toHaveLength(8);

    const cards = timelineCards(await fetchDoc(board.id, participant.token));
    expect(cards.map((card) => card.id).sort()).toEqual([...ids].sort());
    expect(new Set(cards.map((card) => card.kind))).toEqual(new Set(["event"]));
    expect(new Set(cards.map((card) => card.authorId))).toEqual(
      new Set([participant.participantId]),
    );
    expect(cards.map((card) => [new Date(card.at).toISOString(), card.source])).toEqual([
      ["2026-11-02T12:58:04.000Z", "deploy-bot"],
      ["2026-11-02T13:03:12.000Z", "pagerduty"],
      ["2026-11-02T13:04:30.000Z", "pagerduty"],
      ["2026-11-02T13:06:00.000Z", "grafana"],
      ["2026-11-02T13:09:45.000Z", "statuspage"],
      ["2026-11-02T13:12:00.000Z", "csv"],
      ["2026-11-02T13:21:30.000Z", "pagerduty"],
      ["2026-11-02T13:31:00.000Z", "pagerduty"],
    ]);
    expect(cards[5]?.text).toBe(
      "Rollback to v4.11.3 started\n(decided in #inc-checkout, see the thread)",
    );
  });

  it("imports a Slack export and a log excerpt, detecting the format", async () => {
    const { board, facilitator } = await newBoard();
    const slack = await importTimeline(board.id, facilitator.token, {
      format: "auto",
      content: fixture("slack-export.json"),
      source: "slack #inc-checkout",
    });
    expect(slack.status, JSON.stringify(slack.json)).toBe(200);
    expect(slack.json).toMatchObject({ format: "slack", imported: 5, skipped: 0 });
    const log = await importTimeline(board.id, facilitator.token, {
      content: fixture("service.log"),
    });
    expect(log.status, JSON.stringify(log.json)).toBe(200);
    expect(log.json).toMatchObject({ format: "log", imported: 5, skipped: 0 });

    const cards = timelineCards(await fetchDoc(board.id, facilitator.token));
    expect(cards).toHaveLength(10);
    const sources = cards.map((card) => card.source);
    expect(sources).toContain("slack #inc-checkout: Ana Lima");
    expect(sources).toContain("slack #inc-checkout: PagerDuty");
    expect(sources.filter((source) => source === "log")).toHaveLength(5);
    expect(cards.find((card) => card.text.startsWith("@Ana Lima p99"))?.text).toBe(
      "@Ana Lima p99 on /api/cart is at 2.4s, see the cart dashboard (https://grafana.example.com/d/cart)",
    );
  });

  it("adds nothing when the same rows are imported again", async () => {
    const { board, participant, facilitator } = await newBoard();
    const content = fixture("alert-timeline.csv");
    const first = await importTimeline(board.id, participant.token, { format: "csv", content });
    expect(first.json).toMatchObject({ imported: 8, skipped: 0 });
    const before = await fetchDoc(board.id, participant.token);

    // Someone else, the same file: the same ids, so no duplicates and no update at all.
    const again = await importTimeline(board.id, facilitator.token, { format: "csv", content });
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ format: "csv", imported: 0, skipped: 8, cards: [] });
    const after = await fetchDoc(board.id, participant.token);
    expect(stateVector(after)).toBe(stateVector(before));

    const extended = `${content}2026-11-02 14:45:00,Incident closed,statuspage\n`;
    const third = await importTimeline(board.id, participant.token, {
      format: "csv",
      content: extended,
    });
    expect(third.json).toMatchObject({ imported: 1, skipped: 8 });
    expect(timelineCards(await fetchDoc(board.id, participant.token))).toHaveLength(9);
  });

  it("refuses the whole import over one bad row, naming the line, and changes nothing", async () => {
    const { board, participant } = await newBoard();
    const before = await fetchDoc(board.id, participant.token);
    const res = await importTimeline(board.id, participant.token, {
      format: "csv",
      content: fixture("alert-timeline-bad-date.csv"),
    });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      error: 'line 7: time "2026-13-01 10:00" is not a valid date',
      problems: [{ line: 7, reason: 'time "2026-13-01 10:00" is not a valid date' }],
    });
    const after = await fetchDoc(board.id, participant.token);
    expect(stateVector(after)).toBe(stateVector(before));
    expect(timelineCards(after)).toEqual([]);
  });

  it("names the line of bad Slack messages and log lines", async () => {
    const { board, participant } = await newBoard();
    const slack = await importTimeline(board.id, participant.token, {
      format: "slack",
      content: fixture("slack-export-bad.json"),
    });
    expect(slack.status).toBe(400);
    expect(slack.json?.error).toMatch(/^line 8: message 2: "ts" must be a string/);
    const log = await importTimeline(board.id, participant.token, {
      format: "log",
      content: fixture("service-bad.log"),
    });
    expect(log.status).toBe(400);
    expect(log.json?.error).toMatch(/^line 3: does not start with a time/);
    const dst = await importTimeline(board.id, participant.token, {
      format: "csv",
      content: "time,text\n2026-03-29 02:30,Clocks changed\n",
    });
    expect(dst.status).toBe(400);
    expect(dst.json?.error).toMatch(
      /^line 2: time "2026-03-29 02:30" does not exist in Europe\/Berlin/,
    );
    expect(timelineCards(await fetchDoc(board.id, participant.token))).toEqual([]);
  });

  it("refuses bodies that are not an import", async () => {
    const { board, participant } = await newBoard();
    const cases: Array<[unknown, RegExp]> = [
      [{ format: "xlsx", content: "x" }, /^format: /],
      [{ format: "csv" }, /^content: /],
      [{ format: "csv", content: "time,text\n", extra: 1 }, /extra/],
      [{ content: "hello" }, /^cannot tell the format/],
      [{ format: "csv", content: "time,text\n" }, /^nothing to import/],
    ];
    for (const [body, message] of cases) {
      const res = await importTimeline(board.id, participant.token, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(String(res.json?.error)).toMatch(message);
    }
  });

  it("answers 413 for content over 2 MiB, more than 5,000 rows, or a body over 4 MiB", async () => {
    const { board, participant } = await newBoard();
    const big = await importTimeline(board.id, participant.token, {
      format: "log",
      content: `2026-11-02T14:03:12Z ${"x".repeat(2 * 1024 * 1024)}`,
    });
    expect(big.status).toBe(413);
    expect(big.json?.error).toBe(
      "content is 2.0 MiB; one import takes at most 2.0 MiB; split the file",
    );

    const rows = Array.from({ length: 5_001 }, (_, i) => `2026-11-02T14:03:12Z,row ${i}`).join(
      "\n",
    );
    const many = await importTimeline(board.id, participant.token, {
      format: "csv",
      content: `time,text\n${rows}`,
    });
    expect(many.status).toBe(413);
    expect(many.json?.error).toMatch(/^too many rows: one import takes at most 5,000/);

    // Far over the limit (more than the server reads to drop): refused from the Content-Length
    // alone, before a byte of the body is sent.
    const huge = await declareBody(
      `/api/boards/${board.id}/timeline/import`,
      participant.token,
      64 * 1024 * 1024,
    );
    expect(huge.status).toBe(413);
    expect(huge.json?.error).toBe("body too large (4 MiB at most for an import)");
    expect(timelineCards(await fetchDoc(board.id, participant.token))).toEqual([]);
  });

  it("answers a client still uploading a body over the limit, instead of cutting it off", async () => {
    // The server knows from the Content-Length, but reads the body to its end and drops it
    // before answering. It used to close the connection at once, and about one upload in five
    // then failed with EPIPE; answering early on a kept-alive connection let the next request
    // on it fail instead.
    // (Thirty tries, so the old behaviour fails this test all but never.)
    const { board, participant } = await newBoard();
    const content = "x".repeat(6 * 1024 * 1024);
    for (let i = 0; i < 30; i++) {
      const res = await importTimeline(board.id, participant.token, { format: "log", content });
      expect(res.status).toBe(413);
      expect(res.json?.error).toBe("body too large (4 MiB at most for an import)");
    }
  });

  it("keeps the 64 KiB limit on every other route", async () => {
    const res = await postJson(`${server.url}/api/boards`, { title: "x".repeat(70_000) });
    expect(res.status).toBe(413);
    expect(res.json?.error).toBe("body too large (64 KiB at most)");
  });

  it("imports 5,000 rows at once", async () => {
    const { board, participant } = await newBoard();
    const rows = Array.from(
      { length: 5_000 },
      (_, i) =>
        `2026-11-02T13:${String(Math.floor(i / 60) % 60).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}Z,"Check ${i}, ok",monitor`,
    );
    const res = await importTimeline(board.id, participant.token, {
      format: "csv",
      content: `time,text,source\n${rows.join("\n")}`,
    });
    expect(res.status, JSON.stringify(res.json).slice(0, 300)).toBe(200);
    expect(res.json).toMatchObject({ imported: 5_000, skipped: 0 });
    expect(timelineCards(await fetchDoc(board.id, participant.token))).toHaveLength(5_000);
  });

  it("is for facilitators and participants of this board only", async () => {
    const { board, observer } = await newBoard();
    const other = await newBoard();
    const body = { format: "csv", content: fixture("alert-timeline.csv") };

    const asObserver = await importTimeline(board.id, observer.token, body);
    expect(asObserver.status).toBe(403);
    expect(asObserver.json).toEqual({ error: "observers cannot import a timeline" });

    const otherBoard = await importTimeline(board.id, other.participant.token, body);
    expect(otherBoard.status).toBe(403);
    expect(otherBoard.json).toEqual({ error: "session is for another board" });

    const anonymous = await postJson(`${server.url}/api/boards/${board.id}/timeline/import`, body);
    expect(anonymous.status).toBe(401);

    expect(timelineCards(await fetchDoc(board.id, observer.token))).toEqual([]);
  });
});
