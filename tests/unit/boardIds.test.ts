import { describe, expect, it } from "vitest";
import {
  ID_PATTERN,
  isValidRank,
  laneIdForParticipant,
  randomId,
  rankAfter,
  rankBetween,
} from "../../shared/board";

describe("randomId", () => {
  it("encodes 12 random bytes as 16 base64url characters", () => {
    const id = randomId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(id).toMatch(ID_PATTERN);
  });

  it("encodes partial byte groups without padding", () => {
    expect(randomId(1)).toHaveLength(2);
    expect(randomId(2)).toHaveLength(3);
    expect(randomId(32)).toHaveLength(43);
  });

  it("does not repeat itself", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => randomId()));
    expect(ids.size).toBe(1000);
  });

  it("refuses a nonsensical size", () => {
    expect(() => randomId(0)).toThrow(/bytes/);
  });
});

describe("laneIdForParticipant", () => {
  it("is deterministic and key-safe", () => {
    expect(laneIdForParticipant("ana")).toBe(laneIdForParticipant("ana"));
    expect(laneIdForParticipant("ana")).toMatch(ID_PATTERN);
  });
});

describe("rankBetween", () => {
  it("returns a rank strictly between its bounds", () => {
    const pairs: Array<[string | null, string | null]> = [
      [null, null],
      [null, "V"],
      ["V", null],
      ["V", "W"],
      ["V", "V1"],
      ["Vz", "W"],
      ["1", "2"],
      ["zzz", null],
      [null, "01"],
    ];
    for (const [before, after] of pairs) {
      const rank = rankBetween(before, after);
      expect(isValidRank(rank)).toBe(true);
      if (before !== null) expect(rank > before).toBe(true);
      if (after !== null) expect(rank < after).toBe(true);
    }
  });

  it("keeps splitting the same gap without ever colliding", () => {
    let low = "V";
    const high = "W";
    for (let i = 0; i < 200; i++) {
      const mid = rankBetween(low, high);
      expect(mid > low && mid < high).toBe(true);
      low = mid;
    }
  });

  it("refuses bounds in the wrong order or malformed", () => {
    expect(() => rankBetween("W", "V")).toThrow(/sort before/);
    expect(() => rankBetween("V0", null)).toThrow(/bad rank/);
    expect(() => rankBetween("", null)).toThrow(/bad rank/);
  });
});

describe("rankAfter", () => {
  it("sorts after its input, even when the input is malformed", () => {
    for (const before of [null, "V", "z", "zz", "Vz", "~foreign~"]) {
      const rank = rankAfter(before);
      if (before !== null) expect(rank > before).toBe(true);
    }
  });
});
