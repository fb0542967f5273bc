import { describe, expect, it } from "vitest";
import { cardsInView } from "../../client/board/layout/cardsInView";
import { fitView, rangeOf } from "../../client/board/layout/fitView";
import { type StackItem, stackCards } from "../../client/board/layout/stackCards";
import { snapToMinute, tickStep, timeTicks } from "../../client/board/layout/timeTicks";
import { toStackItems } from "../../client/board/layout/toStackItems";

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 2, 13, 0);
const metrics = { spanMs: 10 * MIN, rowHeight: 100, lanePadding: 8 };

const item = (key: string, laneId: string, minutes: number): StackItem => ({
  key,
  laneId,
  at: T0 + minutes * MIN,
});

describe("stacking cards in lanes", () => {
  it("keeps cards that do not overlap on one row", () => {
    const layout = stackCards(
      ["a"],
      [item("1", "a", 0), item("2", "a", 10), item("3", "a", 25)],
      metrics,
    );
    expect([...layout.byKey.values()].map((c) => c.row)).toEqual([0, 0, 0]);
    expect(layout.lanes[0]?.height).toBe(100 + 16);
  });

  it("moves an overlapping card to the first sub-row where it fits", () => {
    const layout = stackCards(
      ["a"],
      [item("1", "a", 0), item("2", "a", 3), item("3", "a", 5), item("4", "a", 12)],
      metrics,
    );
    const rows = Object.fromEntries([...layout.byKey].map(([key, c]) => [key, c.row]));
    // 4 starts after 1 ends, so it goes back up to the first row.
    expect(rows).toEqual({ 1: 0, 2: 1, 3: 2, 4: 0 });
    expect(layout.lanes[0]?.rows.length).toBe(3);
    expect(layout.lanes[0]?.height).toBe(3 * 100 + 16);
  });

  it("never lets two cards of one row overlap, whatever the input order", () => {
    const items = Array.from({ length: 200 }, (_, i) => item(String(i), "a", (i * 37) % 90));
    const layout = stackCards(["a"], items, metrics);
    for (const row of layout.lanes[0]?.rows ?? []) {
      for (let i = 1; i < row.length; i++) {
        expect(row[i]!.at - row[i - 1]!.at).toBeGreaterThanOrEqual(metrics.spanMs);
      }
    }
    expect(layout.byKey.size).toBe(200);
  });

  it("keeps cards at the same time in the order given", () => {
    const layout = stackCards(["a"], [item("x", "a", 5), item("y", "a", 5)], metrics);
    expect(layout.byKey.get("x")?.row).toBe(0);
    expect(layout.byKey.get("y")?.row).toBe(1);
  });

  it("stacks lanes in order, each at least one row high, with tops for every card", () => {
    const layout = stackCards(
      ["timeline", "a", "b"],
      [item("1", "a", 0), item("2", "a", 1), item("3", "b", 0)],
      metrics,
    );
    expect(layout.lanes.map((l) => [l.laneId, l.top, l.height])).toEqual([
      ["timeline", 0, 116],
      ["a", 116, 216],
      ["b", 332, 116],
    ]);
    expect(layout.byKey.get("2")?.top).toBe(116 + 8 + 100);
    expect(layout.height).toBe(448);
  });

  it("leaves out cards on lanes it was not given", () => {
    const layout = stackCards(["a"], [item("1", "gone", 0)], metrics);
    expect(layout.byKey.size).toBe(0);
  });
});

describe("choosing the lane a card shows in", () => {
  it("shows a card on its own lane, and an orphan (lane deleted) on the timeline", () => {
    const shown = [
      { key: "a", card: { laneId: "p-ana", at: T0 } },
      { key: "b", card: { laneId: "p-gone", at: T0 + MIN } },
    ];
    expect(toStackItems(shown, ["timeline", "p-ana"], "timeline")).toEqual([
      { key: "a", laneId: "p-ana", at: T0 },
      { key: "b", laneId: "timeline", at: T0 + MIN },
    ]);
  });
});

describe("finding the cards in view", () => {
  const items = Array.from({ length: 3000 }, (_, i) => item(String(i), `l${i % 30}`, i % 180));
  const lanes = Array.from({ length: 30 }, (_, i) => `l${i}`);
  const layout = stackCards(lanes, items, metrics);

  it("returns exactly the cards whose box meets the window", () => {
    const view = { top: 500, bottom: 1400, startMs: T0 + 60 * MIN, endMs: T0 + 90 * MIN };
    const found = new Set(cardsInView(layout, view, metrics.spanMs, 100).map((c) => c.key));
    const expected = [...layout.byKey.values()].filter(
      (c) =>
        c.top + 100 >= view.top &&
        c.top <= view.bottom &&
        c.at + metrics.spanMs >= view.startMs &&
        c.at <= view.endMs,
    );
    expect(found.size).toBe(expected.length);
    for (const c of expected) expect(found.has(c.key)).toBe(true);
    expect(found.size).toBeLessThan(items.length / 4);
  });

  it("finds nothing outside the board", () => {
    const view = {
      top: layout.height + 10,
      bottom: layout.height + 900,
      startMs: T0,
      endMs: T0 + 1e9,
    };
    expect(cardsInView(layout, view, metrics.spanMs, 100)).toEqual([]);
  });
});

describe("time axis ticks", () => {
  it("picks the smallest nice step that leaves room for a label", () => {
    expect(tickStep(1_000, 80)).toBe(2 * MIN); // 60 px a minute
    expect(tickStep(6_000, 80)).toBe(10 * MIN); // 10 px a minute
    expect(tickStep(60_000, 80)).toBe(2 * 60 * MIN);
    expect(tickStep(10 * MIN, 80)).toBe(24 * 60 * MIN);
  });

  it("puts ticks on round wall-clock times of the zone, half-hour offsets included", () => {
    const india = () => 5.5 * 60 * MIN; // UTC+05:30
    const ticks = timeTicks(T0 + 7 * MIN, T0 + 61 * MIN, 15 * MIN, india);
    const wall = ticks.map((t) => new Date(t + india()).toISOString().slice(11, 16));
    expect(wall).toEqual(["18:45", "19:00", "19:15", "19:30"]);
  });

  it("starts days at local midnight across a daylight saving change", () => {
    // Europe/Berlin: +2 h until 2026-10-25 01:00 UTC, +1 h after.
    const change = Date.UTC(2026, 9, 25, 1);
    const berlin = (t: number) => (t < change ? 2 : 1) * 60 * MIN;
    const ticks = timeTicks(
      Date.UTC(2026, 9, 23, 12),
      Date.UTC(2026, 9, 27, 12),
      24 * 60 * MIN,
      berlin,
    );
    expect(ticks.map((t) => new Date(t + berlin(t)).toISOString().slice(0, 16))).toEqual([
      "2026-10-24T00:00",
      "2026-10-25T00:00",
      "2026-10-26T00:00",
      "2026-10-27T00:00",
    ]);
  });

  it("snaps card times to the nearest minute", () => {
    expect(snapToMinute(T0 + 29_999)).toBe(T0);
    expect(snapToMinute(T0 + 30_000)).toBe(T0 + MIN);
  });
});

describe("fitting the view", () => {
  const options = {
    widthPx: 1200,
    leadingPx: 100,
    trailingPx: 100,
    minMsPerPx: 1_000,
    maxMsPerPx: 600_000,
    defaultMsPerPx: 6_000,
  };

  it("shows the whole range between the margins", () => {
    const view = fitView({ startMs: T0, endMs: T0 + 100 * MIN }, options);
    expect(view.msPerPx).toBe(6_000);
    expect(view.startMs).toBe(T0 - 100 * 6_000);
  });

  it("centres a range too short to fill the width at the closest zoom", () => {
    const view = fitView({ startMs: T0, endMs: T0 + 2 * MIN }, options);
    expect(view.msPerPx).toBe(1_000);
    const centre = view.startMs + (100 + 500) * view.msPerPx;
    expect(centre).toBe(T0 + MIN);
  });

  it("finds the range of a set of times, or none", () => {
    expect(rangeOf([5, 1, 9])).toEqual({ startMs: 1, endMs: 9 });
    expect(rangeOf([])).toBeUndefined();
  });
});
