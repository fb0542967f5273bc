import { describe, expect, it } from "vitest";
import {
  duePrompts,
  type FeedPrompt,
  initialMeetingState,
  type MeetingState,
  nextPromptDueAt,
  promptId,
  promptOffsetMs,
} from "../../shared/meeting";
import { MINUTE, restored, run, T0, TEST_SCRIPT } from "./meetingFixtures";

/**
 * Plays the server's prompt loop from `from` to `until`: post what is due, then sleep until
 * `nextPromptDueAt`. Returns what it posted as [id, server time it fell due].
 */
function serve(state: MeetingState, posted: Set<string>, from: number, until: number) {
  const out: [string, number][] = [];
  let now = from;
  for (;;) {
    for (const prompt of duePrompts(state, now, posted)) {
      posted.add(prompt.id);
      out.push([prompt.id, prompt.at]);
    }
    const next = nextPromptDueAt(state, now, posted);
    if (next === null || next > until) return out;
    expect(next).toBeGreaterThan(now);
    now = next;
  }
}

const started = run([[{ type: "start" }, T0]]);

describe("promptOffsetMs", () => {
  it.each([
    ["start", 10 * MINUTE, 0],
    ["half", 10 * MINUTE, 5 * MINUTE],
    ["half", 60_001, 30_000],
    ["last-2min", 10 * MINUTE, 8 * MINUTE],
    ["last-2min", MINUTE, 0],
    ["end", 10 * MINUTE, 10 * MINUTE],
    [90_000, 10 * MINUTE, 90_000],
    [11 * MINUTE, 10 * MINUTE, 10 * MINUTE],
  ] as const)("places %s in a phase of %i ms at %i ms", (at, duration, offset) => {
    expect(promptOffsetMs(at, duration)).toBe(offset);
  });

  it("ids prompts by phase and position, so they are stable across restarts", () => {
    expect(promptId("walkthrough", 2)).toBe("walkthrough:2");
  });
});

describe("duePrompts", () => {
  it("posts the start prompt as soon as the phase starts", () => {
    expect(duePrompts(started, T0, new Set())).toEqual<FeedPrompt[]>([
      { id: "a:0", phaseId: "a", at: T0, text: "A start" },
    ]);
  });

  it("posts every moment at its time, in offset order, each once", () => {
    expect(serve(started, new Set(), T0, T0 + 60 * MINUTE)).toEqual([
      ["a:0", T0],
      ["a:4", T0 + 3 * MINUTE],
      ["a:1", T0 + 5 * MINUTE],
      ["a:2", T0 + 8 * MINUTE],
      ["a:3", T0 + 10 * MINUTE],
    ]);
  });

  it("is not due a millisecond early", () => {
    const posted = new Set(["a:0"]);
    expect(duePrompts(started, T0 + 3 * MINUTE - 1, posted)).toEqual([]);
    expect(duePrompts(started, T0 + 3 * MINUTE, posted).map((p) => p.id)).toEqual(["a:4"]);
  });

  it("returns everything overdue at once, oldest first, with the time each fell due", () => {
    expect(duePrompts(started, T0 + 9 * MINUTE, new Set(["a:0"]))).toEqual([
      { id: "a:4", phaseId: "a", at: T0 + 3 * MINUTE, text: "A at three minutes" },
      { id: "a:1", phaseId: "a", at: T0 + 5 * MINUTE, text: "A half" },
      { id: "a:2", phaseId: "a", at: T0 + 8 * MINUTE, text: "A last two minutes" },
    ]);
  });

  it("posts nothing in the lobby, while paused or once ended", () => {
    const lobby = initialMeetingState(TEST_SCRIPT);
    const paused = run([[{ type: "pause" }, T0 + MINUTE]], started);
    const ended = run([[{ type: "end" }, T0 + MINUTE]], started);
    for (const state of [lobby, paused, ended]) {
      expect(duePrompts(state, T0 + 60 * MINUTE, new Set())).toEqual([]);
      expect(nextPromptDueAt(state, T0 + 60 * MINUTE, new Set())).toBeNull();
    }
  });

  it("after resume, posts by elapsed phase time, not wall time", () => {
    const posted = new Set<string>();
    serve(started, posted, T0, T0 + 2 * MINUTE);
    const paused = run([[{ type: "pause" }, T0 + 2 * MINUTE]], started);
    expect(serve(paused, posted, T0 + 2 * MINUTE, T0 + 30 * MINUTE)).toEqual([]);
    // Paused for 20 minutes: the three-minute prompt is one minute of phase time away.
    const resumed = run([[{ type: "resume" }, T0 + 22 * MINUTE]], paused);
    expect(nextPromptDueAt(resumed, T0 + 22 * MINUTE, posted)).toBe(T0 + 23 * MINUTE);
    expect(serve(resumed, posted, T0 + 22 * MINUTE, T0 + 26 * MINUTE)).toEqual([
      ["a:4", T0 + 23 * MINUTE],
      ["a:1", T0 + 25 * MINUTE],
    ]);
  });

  it("moves half, last-2min and end with an extension, but not fixed offsets", () => {
    const extended = run([[{ type: "extend", ms: 2 * MINUTE }, T0 + 10_000]], started);
    expect(serve(extended, new Set(), T0, T0 + 60 * MINUTE)).toEqual([
      ["a:0", T0],
      ["a:4", T0 + 3 * MINUTE],
      ["a:1", T0 + 6 * MINUTE],
      ["a:2", T0 + 10 * MINUTE],
      ["a:3", T0 + 12 * MINUTE],
    ]);
  });

  it("does not repost a prompt that fell due before an extension moved it", () => {
    const posted = new Set<string>();
    serve(started, posted, T0, T0 + 5 * MINUTE);
    expect(posted.has("a:1")).toBe(true);
    const extended = run([[{ type: "extend", ms: 10 * MINUTE }, T0 + 5 * MINUTE]], started);
    expect(nextPromptDueAt(extended, T0 + 5 * MINUTE, posted)).toBe(T0 + 18 * MINUTE);
    expect(serve(extended, posted, T0 + 5 * MINUTE, T0 + 60 * MINUTE).map(([id]) => id)).toEqual([
      "a:2",
      "a:3",
    ]);
  });

  it("never posts the prompts of a skipped phase", () => {
    const posted = new Set<string>();
    serve(started, posted, T0, T0 + MINUTE);
    const jumped = run([[{ type: "goto", phaseId: "c" }, T0 + MINUTE]], started);
    serve(jumped, posted, T0 + MINUTE, T0 + 60 * MINUTE);
    expect([...posted]).toEqual(["a:0", "c:0"]);
  });

  it("does not repost on a revisit, and posts what the first visit had not reached", () => {
    const posted = new Set<string>();
    serve(started, posted, T0, T0 + 4 * MINUTE);
    expect([...posted]).toEqual(["a:0", "a:4"]);
    const onB = run([[{ type: "next" }, T0 + 4 * MINUTE]], started);
    serve(onB, posted, T0 + 4 * MINUTE, T0 + 5 * MINUTE);
    const backOnA = run([[{ type: "previous" }, T0 + 5 * MINUTE]], onB);
    expect(duePrompts(backOnA, T0 + 5 * MINUTE, posted)).toEqual([]);
    expect(serve(backOnA, posted, T0 + 5 * MINUTE, T0 + 60 * MINUTE)).toEqual([
      ["a:1", T0 + 10 * MINUTE],
      ["a:2", T0 + 13 * MINUTE],
      ["a:3", T0 + 15 * MINUTE],
    ]);
  });

  it("after a restart, posts what was missed with the times it fell due", () => {
    const posted = new Set(["a:0"]);
    const reloaded = restored(started);
    expect(nextPromptDueAt(reloaded, T0 + 6 * MINUTE, posted)).toBe(T0 + 6 * MINUTE);
    expect(duePrompts(reloaded, T0 + 6 * MINUTE, posted).map((p) => [p.id, p.at])).toEqual([
      ["a:4", T0 + 3 * MINUTE],
      ["a:1", T0 + 5 * MINUTE],
    ]);
  });
});

describe("nextPromptDueAt", () => {
  it("is the start time before anything is posted, then each next moment", () => {
    expect(nextPromptDueAt(started, T0, new Set())).toBe(T0);
    expect(nextPromptDueAt(started, T0, new Set(["a:0"]))).toBe(T0 + 3 * MINUTE);
    expect(nextPromptDueAt(started, T0, new Set(["a:0", "a:4", "a:1"]))).toBe(T0 + 8 * MINUTE);
  });

  it("is null once the phase has posted everything, even in overtime", () => {
    const all = new Set(["a:0", "a:1", "a:2", "a:3", "a:4"]);
    expect(nextPromptDueAt(started, T0 + 30 * MINUTE, all)).toBeNull();
  });

  it("follows the current phase only", () => {
    const onB = run([[{ type: "next" }, T0 + MINUTE]], started);
    expect(nextPromptDueAt(onB, T0 + MINUTE, new Set(["b:0"]))).toBe(T0 + MINUTE + 30_000);
  });
});
