import { describe, expect, it } from "vitest";
import { parseTimestamp, zonedTimeToUtc } from "../../shared/import";

function wall(text: string) {
  const [date = "", time = ""] = text.split(" ");
  const [year, month, day] = date.split("-").map(Number);
  const [hour, minute, second = 0] = time.split(":").map(Number);
  return {
    year: year ?? 0,
    month: month ?? 0,
    day: day ?? 0,
    hour: hour ?? 0,
    minute: minute ?? 0,
    second,
    millisecond: 0,
  };
}

const iso = (at: number) => new Date(at).toISOString();

describe("zonedTimeToUtc", () => {
  it("converts ordinary wall times with the zone's offset of that day", () => {
    expect(zonedTimeToUtc(wall("2026-11-02 14:03:12"), "Europe/Berlin")).toEqual({
      ok: true,
      at: Date.parse("2026-11-02T13:03:12Z"),
      ambiguous: false,
    });
    expect(zonedTimeToUtc(wall("2026-07-01 09:00"), "Europe/Berlin")).toMatchObject({
      at: Date.parse("2026-07-01T07:00:00Z"),
    });
    expect(zonedTimeToUtc(wall("2026-07-01 09:00"), "America/New_York")).toMatchObject({
      at: Date.parse("2026-07-01T13:00:00Z"),
    });
    expect(zonedTimeToUtc(wall("2026-12-31 23:30"), "UTC")).toMatchObject({
      at: Date.parse("2026-12-31T23:30:00Z"),
    });
    expect(zonedTimeToUtc(wall("2026-11-02 14:00"), "Asia/Kolkata")).toMatchObject({
      at: Date.parse("2026-11-02T08:30:00Z"),
    });
  });

  it("reports a wall time inside a spring-forward gap as not existing", () => {
    // Berlin skips 02:00-02:59 on 29 March 2026; New York skips it on 8 March 2026.
    expect(zonedTimeToUtc(wall("2026-03-29 02:30"), "Europe/Berlin")).toEqual({ ok: false });
    expect(zonedTimeToUtc(wall("2026-03-29 02:00"), "Europe/Berlin")).toEqual({ ok: false });
    expect(zonedTimeToUtc(wall("2026-03-08 02:15"), "America/New_York")).toEqual({ ok: false });
  });

  it("keeps the minutes on both edges of a gap", () => {
    const before = zonedTimeToUtc(wall("2026-03-29 01:59:59"), "Europe/Berlin");
    const after = zonedTimeToUtc(wall("2026-03-29 03:00"), "Europe/Berlin");
    expect(before.ok && iso(before.at)).toBe("2026-03-29T00:59:59.000Z");
    expect(after.ok && iso(after.at)).toBe("2026-03-29T01:00:00.000Z");
  });

  it("picks the earlier instant of a wall time that happened twice (fall back)", () => {
    // Berlin repeats 02:00-02:59 on 25 October 2026 (CEST, then CET).
    const berlin = zonedTimeToUtc(wall("2026-10-25 02:30"), "Europe/Berlin");
    expect(berlin).toEqual({ ok: true, at: Date.parse("2026-10-25T00:30:00Z"), ambiguous: true });
    // New York repeats 01:00-01:59 on 1 November 2026 (EDT, then EST).
    const newYork = zonedTimeToUtc(wall("2026-11-01 01:30"), "America/New_York");
    expect(newYork).toEqual({ ok: true, at: Date.parse("2026-11-01T05:30:00Z"), ambiguous: true });
  });

  it("is unambiguous right after an overlap ends", () => {
    const result = zonedTimeToUtc(wall("2026-10-25 03:00"), "Europe/Berlin");
    expect(result).toEqual({ ok: true, at: Date.parse("2026-10-25T02:00:00Z"), ambiguous: false });
  });
});

describe("parseTimestamp", () => {
  const berlin = (text: string) => parseTimestamp(text, "Europe/Berlin");

  it("reads ISO 8601 with an offset as that instant", () => {
    expect(berlin("2026-11-02T14:03:12Z")).toEqual({
      ok: true,
      at: Date.parse("2026-11-02T14:03:12Z"),
    });
    expect(berlin("2026-11-02T14:03:12+01:00")).toEqual({
      ok: true,
      at: Date.parse("2026-11-02T13:03:12Z"),
    });
    expect(berlin("2026-11-02T14:03:12-0500")).toEqual({
      ok: true,
      at: Date.parse("2026-11-02T19:03:12Z"),
    });
    expect(berlin("2026-11-02T14:03:12.456789+05")).toEqual({
      ok: true,
      at: Date.parse("2026-11-02T09:03:12.456Z"),
    });
  });

  it("reads times without an offset in the board's zone", () => {
    const expected = { ok: true, at: Date.parse("2026-11-02T13:03:12Z") };
    expect(berlin("2026-11-02T14:03:12")).toEqual(expected);
    expect(berlin("2026-11-02 14:03:12")).toEqual(expected);
    expect(berlin("  2026-11-02 14:03:12 ")).toEqual(expected);
    expect(berlin("2026-11-02 14:03")).toEqual({
      ok: true,
      at: Date.parse("2026-11-02T13:03:00Z"),
    });
    expect(parseTimestamp("2026-11-02 14:03", "America/New_York")).toEqual({
      ok: true,
      at: Date.parse("2026-11-02T19:03:00Z"),
    });
  });

  it("refuses impossible dates and times, naming the value", () => {
    expect(berlin("2026-13-01 10:00")).toEqual({
      ok: false,
      reason: 'time "2026-13-01 10:00" is not a valid date',
    });
    expect(berlin("2026-02-29 10:00")).toMatchObject({
      reason: /"2026-02-29 10:00" is not a valid date/,
    });
    expect(berlin("2028-02-29 10:00").ok).toBe(true);
    expect(berlin("2026-04-31T10:00:00Z")).toMatchObject({ reason: /not a valid date/ });
    expect(berlin("2026-11-02 24:00")).toMatchObject({ reason: /not a valid time of day/ });
    expect(berlin("2026-11-02 14:60")).toMatchObject({ reason: /not a valid time of day/ });
    expect(berlin("2026-11-02T14:00:00+15:00")).toMatchObject({ reason: /invalid UTC offset/ });
    expect(berlin("1969-12-31T23:00:00Z")).toMatchObject({ reason: /before 1970/ });
  });

  it("refuses what is not a date-time at all, with a hint", () => {
    for (const value of [
      "",
      "14:03",
      "2026-11-02",
      "02/11/2026 14:03",
      "yesterday",
      "1793624592",
    ]) {
      const result = berlin(value);
      expect(result.ok, value).toBe(false);
      expect(!result.ok && result.reason).toMatch(/is not a time we can read; use ISO 8601/);
    }
  });

  it("refuses a local time in a DST gap and says why", () => {
    expect(berlin("2026-03-29 02:30")).toEqual({
      ok: false,
      reason:
        'time "2026-03-29 02:30" does not exist in Europe/Berlin: the clocks jumped forward over it (daylight saving time); give the time with a UTC offset',
    });
    expect(parseTimestamp("2026-03-08T02:30:00", "America/New_York")).toMatchObject({
      reason: /does not exist in America\/New_York/,
    });
    // With an offset the same wall time is a fine instant.
    expect(berlin("2026-03-29T02:30:00+01:00")).toEqual({
      ok: true,
      at: Date.parse("2026-03-29T01:30:00Z"),
    });
  });

  it("reads a local time in a DST overlap as its first occurrence", () => {
    expect(berlin("2026-10-25 02:30")).toEqual({
      ok: true,
      at: Date.parse("2026-10-25T00:30:00Z"),
    });
    expect(parseTimestamp("2026-11-01 01:30", "America/New_York")).toEqual({
      ok: true,
      at: Date.parse("2026-11-01T05:30:00Z"),
    });
  });
});
