import { describe, expect, it } from "vitest";
import { fromWallTime, toIsoWithOffset, toWallTime } from "../../client/time/zonedTime";
import { formatOffset, safeTimeZone, zoneOffsetMinutes } from "../../shared/time/wallClock";

describe("wall clock in the board's zone", () => {
  it("reads and writes datetime-local values on the zone's clock, not the machine's", () => {
    const at = Date.UTC(2026, 10, 2, 13, 5);
    expect(toWallTime(at, "Europe/Berlin")).toBe("2026-11-02T14:05");
    expect(fromWallTime("2026-11-02T14:05", "Europe/Berlin")).toBe(at);
    expect(fromWallTime("2026-11-02T14:05:30", "Europe/Berlin")).toBe(at + 30_000);
    expect(toWallTime(at, "Asia/Kathmandu")).toBe("2026-11-02T18:50");
  });

  it("takes the earlier of a time that happened twice and moves a skipped time past the gap", () => {
    // Berlin: clocks went back at 03:00 CEST on 25 October and forward at 02:00 CET on 29 March.
    expect(fromWallTime("2026-10-25T02:30", "Europe/Berlin")).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(fromWallTime("2026-03-29T02:30", "Europe/Berlin")).toBe(Date.UTC(2026, 2, 29, 1, 30));
    expect(toWallTime(Date.UTC(2026, 2, 29, 1, 30), "Europe/Berlin")).toBe("2026-03-29T03:30");
  });

  it("refuses text that is not a datetime-local value", () => {
    for (const text of ["2026-10-25 02:30", "2026-10-25T2:30", "", "yesterday"]) {
      expect(fromWallTime(text, "UTC")).toBeUndefined();
    }
  });

  it("writes ISO 8601 with the zone's offset, half hours included", () => {
    const at = Date.UTC(2026, 6, 1, 12, 0, 7);
    expect(toIsoWithOffset(at, "America/St_Johns")).toBe("2026-07-01T09:30:07-02:30");
    expect(toIsoWithOffset(at, "UTC")).toBe("2026-07-01T12:00:07+00:00");
    expect(zoneOffsetMinutes(at, "Asia/Kathmandu")).toBe(345);
    expect(formatOffset(-150)).toBe("-02:30");
  });

  it("falls back to UTC for a zone this runtime does not know", () => {
    expect(safeTimeZone("Mars/Olympus_Mons")).toBe("UTC");
    expect(safeTimeZone("+02:00")).toBe("UTC");
    expect(safeTimeZone(undefined)).toBe("UTC");
    expect(safeTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
  });
});
