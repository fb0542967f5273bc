import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { RefusalMemo } from "../../server/sync/refusalMemo";

function request(url: string, headers: Record<string, string>): IncomingMessage {
  return { url, headers } as unknown as IncomingMessage;
}

describe("RefusalMemo", () => {
  const base = {
    "sec-websocket-protocol": "debrief.v1, auth.T",
    origin: "https://debrief.example",
    host: "debrief.example",
  };

  it("refuses exactly the same handshake, and only until its time is up", () => {
    let now = 0;
    const memo = new RefusalMemo(100, () => now);
    const key = RefusalMemo.keyOf(request("/sync/b1", base));
    memo.remember(key, 500);
    expect(memo.msLeft(RefusalMemo.keyOf(request("/sync/b1?x=1", base)))).toBeGreaterThan(0);
    for (const other of [
      request("/sync/b2", base),
      request("/sync/b1", { ...base, "sec-websocket-protocol": "debrief.v1, auth.U" }),
      request("/sync/b1", { ...base, origin: "https://elsewhere.example" }),
      request("/sync/b1", { ...base, host: "other.example" }),
    ]) {
      expect(memo.msLeft(RefusalMemo.keyOf(other))).toBe(0);
    }
    now = 499;
    expect(memo.msLeft(key)).toBe(1);
    now = 500;
    expect(memo.msLeft(key)).toBe(0);
  });

  it("ignores waits that are already over", () => {
    const memo = new RefusalMemo(100, () => 0);
    memo.remember("k", 0);
    memo.remember("n", Number.NaN);
    expect(memo.msLeft("k")).toBe(0);
    expect(memo.msLeft("n")).toBe(0);
  });

  it("stays within its size, dropping expired entries first, then the oldest", () => {
    let now = 0;
    const memo = new RefusalMemo(3, () => now);
    memo.remember("short", 10);
    memo.remember("a", 1_000);
    memo.remember("b", 1_000);
    now = 20;
    memo.remember("c", 1_000); // "short" has expired and makes room
    expect(["a", "b", "c"].map((k) => memo.msLeft(k) > 0)).toEqual([true, true, true]);
    memo.remember("d", 1_000); // full of live entries: "a", the oldest, goes
    expect(["a", "b", "c", "d"].map((k) => memo.msLeft(k) > 0)).toEqual([false, true, true, true]);
  });
});
