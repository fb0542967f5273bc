import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBoard } from "../support/api";
import { openRaw } from "../support/rawSocket";
import { type ServerHandle, startServer } from "../support/serverProcess";
import { figure, scaled } from "./support/figures";

const ATTEMPTS = scaled(2000, 20_000);
let server: ServerHandle;

beforeAll(async () => {
  // The shipped default: 30 key exchanges per address per minute.
  server = await startServer();
});

afterAll(async () => {
  await server.stop();
});

const guess = () => randomBytes(16).toString("base64url");

async function attempt(boardId: string, key: string) {
  const res = await fetch(`${server.url}/api/boards/${boardId}/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ key, name: "Guesser" }),
  });
  const headers = [...res.headers].filter(([h]) => h !== "date");
  return { status: res.status, body: await res.text(), headers: JSON.stringify(headers) };
}

describe("guessing board ids and keys", () => {
  it(
    "never succeeds, answers a missing board and a wrong key alike, and hits the rate limit",
    async () => {
      const board = await createBoard(server.url);
      const results: Array<{
        kind: "missing board" | "wrong key";
        status: number;
        answer: string;
      }> = [];
      // Twenty guessers at a time, alternating an unknown board id and a wrong key for a real one.
      for (let i = 0; i < ATTEMPTS; i += 20) {
        const batch = Array.from({ length: Math.min(20, ATTEMPTS - i) }, (_, j) => {
          const kind = (i + j) % 2 === 0 ? ("missing board" as const) : ("wrong key" as const);
          const id = kind === "missing board" ? guess() : board.id;
          return attempt(id, `${guess()}${guess()}`).then((r) => ({
            kind,
            status: r.status,
            answer: `${r.status} ${r.headers} ${r.body}`,
          }));
        });
        results.push(...(await Promise.all(batch)));
      }
      const successes = results.filter((r) => r.status === 200).length;
      const limited = results.filter((r) => r.status === 429).length;
      const answered = results.filter((r) => r.status !== 429);
      const missing = new Set(
        answered.filter((r) => r.kind === "missing board").map((r) => r.answer),
      );
      const wrong = new Set(answered.filter((r) => r.kind === "wrong key").map((r) => r.answer));
      const distinct = new Set([...missing, ...wrong]);
      const firstLimited = results.findIndex((r) => r.status === 429) + 1;

      // Over sync, a guessed room name without a valid token learns nothing either.
      const sync = await Promise.all(
        Array.from({ length: 20 }, () => openRaw(`${server.wsUrl}/${guess()}`, ["debrief.v1"])),
      );
      const syncStatuses = new Set(sync.map((s) => (s.refused ? s.status : 101)));

      figure("guess_attempts", results.length);
      figure("guess_successes", successes);
      figure("guess_rate_limited", limited);
      figure("guess_first_rate_limited_attempt", firstLimited);
      figure("guess_distinct_answers_missing_vs_wrong_key", distinct.size);
      figure("guess_sync_statuses", [...syncStatuses].join(" "));
      expect(successes).toBe(0);
      expect(missing.size).toBe(1);
      expect(wrong.size).toBe(1);
      expect(distinct.size).toBe(1);
      expect(limited).toBeGreaterThan(0);
      expect(answered.length).toBeLessThanOrEqual(30);
      expect([...syncStatuses]).toEqual([401]);
    },
    scaled(120_000, 900_000),
  );
});
