import { describe, expect, it } from "vitest";
import { createOriginPolicy } from "../../server/ops/originPolicy";
import {
  createBudgetRegistry,
  createTokenBucket,
  msUntilReadmitted,
} from "../../server/sync/rateLimit";
import { accessFor, parseRoomName } from "../../server/sync/roomName";

const BOARD = "boardAAAAAAAAAAAAAAAAA";
const P1 = "participant1";

describe("room names", () => {
  it("parses the three room kinds and refuses anything else", () => {
    expect(parseRoomName(BOARD)).toEqual({ kind: "board", boardId: BOARD, name: BOARD });
    expect(parseRoomName(`${BOARD}/meeting`)?.kind).toBe("meeting");
    expect(parseRoomName(`${BOARD}/drafts/${P1}`)).toMatchObject({
      kind: "drafts",
      participantId: P1,
    });
    for (const bad of [
      "",
      "short",
      `${BOARD}/`,
      `${BOARD}/other`,
      `${BOARD}/drafts/`,
      `../${BOARD}`,
      `${BOARD}/meeting/x`,
    ]) {
      expect(parseRoomName(bad), bad).toBeUndefined();
    }
  });
});

describe("who may do what", () => {
  const session = (
    role: "facilitator" | "participant" | "observer",
    participantId = P1,
    boardId = BOARD,
  ) => ({
    role,
    participantId,
    boardId,
  });
  const board = parseRoomName(BOARD)!;
  const meeting = parseRoomName(`${BOARD}/meeting`)!;
  const drafts = parseRoomName(`${BOARD}/drafts/${P1}`)!;

  it.each([
    ["facilitator", board, "write"],
    ["participant", board, "write"],
    ["observer", board, "read"],
    ["facilitator", meeting, "read"],
    ["participant", meeting, "read"],
    ["observer", meeting, "read"],
    ["participant", drafts, "write"],
    ["facilitator", drafts, "none"],
    ["observer", drafts, "none"],
  ] as const)("a %s gets %s access to %o", (role, room, access) => {
    expect(accessFor(room, session(role))).toBe(access);
  });

  it("gives nothing on another board, and nothing on another participant's drafts", () => {
    expect(accessFor(board, session("facilitator", P1, "otherBoardAAAAAAAAAAAA"))).toBe("none");
    expect(accessFor(drafts, session("participant", "participant2"))).toBe("none");
  });
});

describe("origin policy", () => {
  it("allows same-origin and listed origins, and clients without an Origin", () => {
    const policy = createOriginPolicy(["https://debrief.example.com"]);
    expect(policy.allows(undefined, "localhost:8787")).toBe(true);
    expect(policy.allows("http://localhost:8787", "localhost:8787")).toBe(true);
    expect(policy.allows("https://debrief.example.com", "internal:8787")).toBe(true);
    expect(policy.allows("https://evil.example", "localhost:8787")).toBe(false);
    expect(policy.allows("not a url", "localhost:8787")).toBe(false);
  });
});

describe("token bucket", () => {
  it("allows a burst, then the steady rate", () => {
    let now = 0;
    const bucket = createTokenBucket(10, 5, () => now);
    const burst = Array.from({ length: 6 }, () => bucket.take());
    expect(burst).toEqual([true, true, true, true, true, false]);
    now += 100; // one token at 10/s
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it("readmits a refused session once a tenth of each burst, or what it needs, is back", () => {
    let now = 0;
    const bucket = createTokenBucket(10, 50, () => now);
    bucket.spend(50);
    expect(bucket.msUntilReadmitted()).toBe(500); // 5 tokens at 10/s
    expect(bucket.msUntilReadmitted(20)).toBe(2000);
    now += 500;
    expect(bucket.msUntilReadmitted()).toBe(0);
  });

  it("keeps a session out until every budget would let it back in", () => {
    const rate = { perSecond: 100, burst: 1000 };
    const budgets = createBudgetRegistry({
      messages: rate,
      writes: rate,
      structs: rate,
      conflicts: rate,
    }).get("room\u0000someone");
    expect(msUntilReadmitted(budgets)).toBe(0);
    budgets.writes.spend(1000);
    // a tenth of the write burst at 100/s; the other budgets are full
    expect(msUntilReadmitted(budgets)).toBeCloseTo(1000, -1);
    budgets.structsNeeded = 600;
    budgets.structs.spend(1000);
    expect(msUntilReadmitted(budgets)).toBeCloseTo(6000, -1);
  });
});
