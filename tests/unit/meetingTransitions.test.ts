import { describe, expect, it } from "vitest";
import {
  actionSchema,
  applyHistory,
  applyMeetingAction,
  type HistoryEntry,
  initialMeetingState,
  MEETING_ACTIONS,
  type MeetingAction,
  MeetingActionError,
  type MeetingState,
} from "../../shared/meeting";
import { MINUTE, run, T0, TEST_SCRIPT } from "./meetingFixtures";

const lobby = initialMeetingState(TEST_SCRIPT);
const running = run([[{ type: "start" }, T0]]);
const paused = run([[{ type: "pause" }, T0 + MINUTE]], running);
const onLast = run([[{ type: "goto", phaseId: "c" }, T0 + MINUTE]], running);
const ended = run([[{ type: "end" }, T0 + MINUTE]], running);

function refusal(state: MeetingState, action: MeetingAction): MeetingActionError {
  try {
    applyMeetingAction(state, action, T0 + 2 * MINUTE);
  } catch (error) {
    expect(error).toBeInstanceOf(MeetingActionError);
    return error as MeetingActionError;
  }
  throw new Error(`expected ${action.type} to be refused`);
}

describe("applyMeetingAction", () => {
  it("does not modify the state it is given", () => {
    const before = structuredClone(running);
    applyMeetingAction(running, { type: "pause" }, T0 + MINUTE);
    applyMeetingAction(running, { type: "extend", ms: MINUTE }, T0 + MINUTE);
    expect(running).toEqual(before);
  });

  const refusals: [string, MeetingState, MeetingAction, MeetingActionError["code"], RegExp][] = [
    [
      "start twice",
      running,
      { type: "start" },
      "conflict",
      /cannot start: meeting has already started/,
    ],
    ["start after the end", ended, { type: "start" }, "conflict", /already ended/],
    [
      "pause in the lobby",
      lobby,
      { type: "pause" },
      "conflict",
      /cannot pause: meeting is not running/,
    ],
    ["pause twice", paused, { type: "pause" }, "conflict", /cannot pause: meeting is not running/],
    [
      "resume while running",
      running,
      { type: "resume" },
      "conflict",
      /cannot resume: meeting is not paused/,
    ],
    ["next in the lobby", lobby, { type: "next" }, "conflict", /has not started — use start/],
    [
      "next on the last phase",
      onLast,
      { type: "next" },
      "conflict",
      /no phase after the last one — use end/,
    ],
    [
      "previous on the first phase",
      running,
      { type: "previous" },
      "conflict",
      /no phase before the first one/,
    ],
    [
      "goto an unknown phase",
      running,
      { type: "goto", phaseId: "zz" },
      "not-found",
      /unknown phase "zz"/,
    ],
    ["goto after the end", ended, { type: "goto", phaseId: "a" }, "conflict", /meeting has ended/],
    [
      "extend by less than a second",
      running,
      { type: "extend", ms: 999 },
      "invalid-input",
      /ms must be/,
    ],
    [
      "extend by over 2 hours",
      running,
      { type: "extend", ms: 120 * MINUTE + 1 },
      "invalid-input",
      /ms must be/,
    ],
    [
      "extend by a fraction",
      running,
      { type: "extend", ms: 1500.5 },
      "invalid-input",
      /ms must be/,
    ],
    ["extend in the lobby", lobby, { type: "extend", ms: MINUTE }, "conflict", /has not started/],
    ["end in the lobby", lobby, { type: "end" }, "conflict", /cannot end: meeting has not started/],
    ["end twice", ended, { type: "end" }, "conflict", /cannot end: meeting has already ended/],
    [
      "reveal, which the server does",
      running,
      { type: "reveal" } as unknown as MeetingAction,
      "invalid-input",
      /unknown meeting action "reveal"/,
    ],
  ];

  it.each(refusals)("refuses to %s", (_name, state, action, code, message) => {
    const error = refusal(state, action);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it("stops extending a phase at 12 hours in total", () => {
    const nearly = run(
      Array.from({ length: 5 }, () => [{ type: "extend", ms: 120 * MINUTE }, T0 + MINUTE] as const),
      running,
    );
    expect(nearly.durationMs).toBe(610 * MINUTE);
    expect(refusal(nearly, { type: "extend", ms: 120 * MINUTE }).message).toMatch(
      /at most 12 hours/,
    );
    expect(run([[{ type: "extend", ms: 110 * MINUTE }, T0 + MINUTE]], nearly).durationMs).toBe(
      720 * MINUTE,
    );
  });

  it("ends from paused too", () => {
    expect(run([[{ type: "end" }, T0 + 5 * MINUTE]], paused)).toMatchObject({
      status: "ended",
      remainingMs: 9 * MINUTE,
    });
  });

  it("restarts the current phase on goto to itself", () => {
    const restarted = run([[{ type: "goto", phaseId: "a" }, T0 + 4 * MINUTE]], running);
    expect(restarted).toMatchObject({
      phaseIndex: 0,
      startedAt: T0 + 4 * MINUTE,
      status: "running",
    });
  });
});

describe("phase history", () => {
  /** Runs the actions, folding each step's history changes, and returns the final history. */
  function historyOf(steps: [MeetingAction, number][]): HistoryEntry[] {
    let state = lobby;
    let history: HistoryEntry[] = [];
    for (const [action, now] of steps) {
      const result = applyMeetingAction(state, action, now);
      state = result.state;
      history = applyHistory(history, result.history);
    }
    return history;
  }

  const entry = (
    phaseId: string,
    plannedMs: number,
    startedAt: number,
    endedAt: number | null,
  ) => ({
    phaseId,
    plannedMs,
    startedAt,
    endedAt,
  });

  it("opens the first phase on start", () => {
    const { history } = applyMeetingAction(lobby, { type: "start" }, T0);
    expect(history).toEqual([{ type: "open", entry: entry("a", 10 * MINUTE, T0, null) }]);
  });

  it("closes the phase it leaves and opens the one it enters, on next, previous and goto", () => {
    const { history } = applyMeetingAction(running, { type: "next" }, T0 + 9 * MINUTE);
    expect(history).toEqual([
      { type: "close", endedAt: T0 + 9 * MINUTE },
      { type: "open", entry: entry("b", 4 * MINUTE, T0 + 9 * MINUTE, null) },
    ]);
  });

  it("records a whole meeting, pauses included and extensions left out of the plan", () => {
    expect(
      historyOf([
        [{ type: "start" }, T0],
        [{ type: "extend", ms: 5 * MINUTE }, T0 + 8 * MINUTE],
        [{ type: "pause" }, T0 + 9 * MINUTE],
        [{ type: "resume" }, T0 + 11 * MINUTE],
        [{ type: "next" }, T0 + 16 * MINUTE],
        [{ type: "previous" }, T0 + 18 * MINUTE],
        [{ type: "goto", phaseId: "c" }, T0 + 20 * MINUTE],
        [{ type: "end" }, T0 + 26 * MINUTE],
      ]),
    ).toEqual([
      entry("a", 10 * MINUTE, T0, T0 + 16 * MINUTE),
      entry("b", 4 * MINUTE, T0 + 16 * MINUTE, T0 + 18 * MINUTE),
      entry("a", 10 * MINUTE, T0 + 18 * MINUTE, T0 + 20 * MINUTE),
      entry("c", 5 * MINUTE, T0 + 20 * MINUTE, T0 + 26 * MINUTE),
    ]);
  });

  it("changes nothing on pause, resume or extend", () => {
    for (const [state, action] of [
      [running, { type: "pause" }],
      [paused, { type: "resume" }],
      [running, { type: "extend", ms: MINUTE }],
    ] as const) {
      expect(applyMeetingAction(state, action, T0 + MINUTE).history).toEqual([]);
    }
  });

  it("ignores a close with nothing open, so replaying one is harmless", () => {
    const closed = [entry("a", MINUTE, T0, T0 + MINUTE)];
    expect(applyHistory(closed, [{ type: "close", endedAt: T0 + 5 * MINUTE }])).toEqual(closed);
  });
});

describe("actionSchema", () => {
  it("accepts every action name, reveal included", () => {
    expect(MEETING_ACTIONS).toContain("reveal");
    for (const action of [
      "start",
      "pause",
      "resume",
      "next",
      "previous",
      "end",
      "reveal",
    ] as const) {
      expect(actionSchema.parse({ action })).toEqual({ type: action });
    }
    expect(actionSchema.parse({ action: "goto", phaseId: "walkthrough" })).toEqual({
      type: "goto",
      phaseId: "walkthrough",
    });
    expect(actionSchema.parse({ action: "extend", ms: 300_000 })).toEqual({
      type: "extend",
      ms: 300_000,
    });
  });

  function issues(body: unknown): string[] {
    const result = actionSchema.safeParse(body);
    expect(result.success).toBe(false);
    return (result.error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);
  }

  it("refuses malformed bodies, naming the field", () => {
    expect(issues({ action: "rewind" })[0]).toMatch(/^action: /);
    expect(issues({ action: "goto" })).toEqual(["phaseId: is required for goto"]);
    expect(issues({ action: "extend" })).toEqual(["ms: is required for extend"]);
    expect(issues({ action: "extend", ms: 500 })[0]).toMatch(/^ms: must be an integer from 1000/);
    expect(issues({ action: "extend", ms: 7_200_001 })[0]).toMatch(/^ms: /);
    expect(issues({ action: "pause", ms: 5000 })).toEqual(["ms: is not allowed for pause"]);
    expect(issues({ action: "next", phaseId: "a" })).toEqual(["phaseId: is not allowed for next"]);
    expect(issues({ action: "goto", phaseId: "a b" })[0]).toMatch(/^phaseId: /);
    expect(issues({ action: "start", force: true })[0]).toMatch(/Unrecognized key/);
  });
});
