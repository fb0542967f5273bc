import { describe, expect, it } from "vitest";
import {
  currentPhase,
  initialMeetingState,
  isPhaseOver,
  type MeetingState,
  meetingTotals,
  phaseElapsedMs,
  phaseRemainingMs,
} from "../../shared/meeting";
import { MINUTE, restored, run, T0, TEST_SCRIPT } from "./meetingFixtures";

function readings(state: MeetingState, now: number) {
  return {
    phase: currentPhase(state).id,
    elapsed: phaseElapsedMs(state, now),
    remaining: phaseRemainingMs(state, now),
    over: isPhaseOver(state, now),
  };
}

describe("the meeting timer", () => {
  it("starts in the lobby on the first phase, with nothing elapsed", () => {
    const state = initialMeetingState(TEST_SCRIPT);
    expect(state).toEqual({
      scriptId: "test",
      phases: TEST_SCRIPT.phases,
      phaseIndex: 0,
      status: "lobby",
      startedAt: null,
      durationMs: 10 * MINUTE,
      remainingMs: null,
    });
    expect(readings(state, T0 + 5 * MINUTE)).toEqual({
      phase: "a",
      elapsed: 0,
      remaining: 10 * MINUTE,
      over: false,
    });
  });

  it("counts elapsed time from the start while running", () => {
    const state = run([[{ type: "start" }, T0]]);
    expect(state).toMatchObject({ status: "running", startedAt: T0, remainingMs: null });
    expect(readings(state, T0 + MINUTE)).toMatchObject({ elapsed: MINUTE, remaining: 9 * MINUTE });
  });

  it("freezes while paused and carries on from there after resume", () => {
    const paused = run([
      [{ type: "start" }, T0],
      [{ type: "pause" }, T0 + 2 * MINUTE],
    ]);
    expect(paused).toMatchObject({ status: "paused", remainingMs: 8 * MINUTE, startedAt: T0 });
    expect(readings(paused, T0 + 30 * MINUTE)).toMatchObject({
      elapsed: 2 * MINUTE,
      remaining: 8 * MINUTE,
      over: false,
    });
    const resumed = run([[{ type: "resume" }, T0 + 30 * MINUTE]], paused);
    expect(resumed).toMatchObject({
      status: "running",
      startedAt: T0 + 28 * MINUTE,
      remainingMs: null,
    });
    expect(readings(resumed, T0 + 31 * MINUTE)).toMatchObject({ elapsed: 3 * MINUTE });
  });

  it("goes negative in overtime and reports the phase as over", () => {
    const state = run([[{ type: "start" }, T0]]);
    expect(readings(state, T0 + 10 * MINUTE)).toMatchObject({ remaining: 0, over: true });
    expect(readings(state, T0 + 12 * MINUTE)).toMatchObject({ remaining: -2 * MINUTE, over: true });
    const paused = run([[{ type: "pause" }, T0 + 11 * MINUTE]], state);
    expect(paused.remainingMs).toBe(-MINUTE);
    expect(readings(paused, T0 + 40 * MINUTE)).toMatchObject({ elapsed: 11 * MINUTE, over: true });
  });

  it("adds an extension to what is left, running or paused", () => {
    const running = run([
      [{ type: "start" }, T0],
      [{ type: "extend", ms: 5 * MINUTE }, T0 + MINUTE],
    ]);
    expect(running.durationMs).toBe(15 * MINUTE);
    expect(readings(running, T0 + 12 * MINUTE)).toMatchObject({
      remaining: 3 * MINUTE,
      over: false,
    });
    const paused = run([
      [{ type: "start" }, T0],
      [{ type: "pause" }, T0 + 4 * MINUTE],
      [{ type: "extend", ms: MINUTE }, T0 + 5 * MINUTE],
    ]);
    expect(paused).toMatchObject({ durationMs: 11 * MINUTE, remainingMs: 7 * MINUTE });
    expect(readings(paused, T0 + 9 * MINUTE)).toMatchObject({ elapsed: 4 * MINUTE });
    const resumed = run([[{ type: "resume" }, T0 + 9 * MINUTE]], paused);
    expect(readings(resumed, T0 + 16 * MINUTE)).toMatchObject({ remaining: 0, over: true });
  });

  it("starts the target phase fresh on next, previous and goto, even from paused", () => {
    const next = run([
      [{ type: "start" }, T0],
      [{ type: "extend", ms: MINUTE }, T0 + MINUTE],
      [{ type: "pause" }, T0 + 2 * MINUTE],
      [{ type: "next" }, T0 + 3 * MINUTE],
    ]);
    expect(next).toMatchObject({
      phaseIndex: 1,
      status: "running",
      startedAt: T0 + 3 * MINUTE,
      durationMs: 4 * MINUTE,
      remainingMs: null,
    });
    const back = run([[{ type: "previous" }, T0 + 4 * MINUTE]], next);
    expect(readings(back, T0 + 5 * MINUTE)).toEqual({
      phase: "a",
      elapsed: MINUTE,
      remaining: 9 * MINUTE,
      over: false,
    });
    const jumped = run([[{ type: "goto", phaseId: "c" }, T0 + 6 * MINUTE]], back);
    expect(readings(jumped, T0 + 6 * MINUTE)).toMatchObject({ phase: "c", remaining: 5 * MINUTE });
  });

  it("freezes the clock when the meeting ends", () => {
    const ended = run([
      [{ type: "start" }, T0],
      [{ type: "end" }, T0 + 4 * MINUTE],
    ]);
    expect(ended).toMatchObject({ status: "ended", remainingMs: 6 * MINUTE });
    expect(readings(ended, T0 + 60 * MINUTE)).toEqual({
      phase: "a",
      elapsed: 4 * MINUTE,
      remaining: 6 * MINUTE,
      over: true,
    });
  });

  it("never runs backwards when the server clock steps back", () => {
    const state = run([[{ type: "start" }, T0]]);
    expect(phaseElapsedMs(state, T0 - 5_000)).toBe(0);
  });

  it("gives the same answers after a restart from the stored state and a later clock", () => {
    const steps: [Parameters<typeof run>[0][number][0], number][] = [
      [{ type: "start" }, T0],
      [{ type: "extend", ms: 90_000 }, T0 + MINUTE],
      [{ type: "pause" }, T0 + 2 * MINUTE],
      [{ type: "resume" }, T0 + 7 * MINUTE],
    ];
    const live = run(steps);
    const reloaded = restored(live);
    for (const later of [T0 + 8 * MINUTE, T0 + 16 * MINUTE, T0 + 3 * 60 * MINUTE]) {
      expect(readings(reloaded, later)).toEqual(readings(live, later));
    }
    // And it carries on identically: the next action gives the same state either way.
    const pausedLive = run([[{ type: "pause" }, T0 + 9 * MINUTE]], live);
    const pausedReloaded = run([[{ type: "pause" }, T0 + 9 * MINUTE]], reloaded);
    expect(pausedReloaded).toEqual(pausedLive);
    expect(readings(restored(pausedLive), T0 + 99 * MINUTE)).toEqual(
      readings(pausedLive, T0 + 99 * MINUTE),
    );
  });

  it("totals the plan, the current extension and the time planned after this phase", () => {
    const lobby = initialMeetingState(TEST_SCRIPT);
    expect(meetingTotals(lobby)).toEqual({
      phaseCount: 3,
      phaseNumber: 1,
      plannedMs: 19 * MINUTE,
      extendedMs: 0,
      laterPhasesMs: 9 * MINUTE,
    });
    const extended = run([
      [{ type: "start" }, T0],
      [{ type: "next" }, T0 + MINUTE],
      [{ type: "extend", ms: 2 * MINUTE }, T0 + 2 * MINUTE],
    ]);
    expect(meetingTotals(extended)).toMatchObject({
      phaseNumber: 2,
      extendedMs: 2 * MINUTE,
      laterPhasesMs: 5 * MINUTE,
    });
    const ended = run([[{ type: "end" }, T0 + 3 * MINUTE]], extended);
    expect(meetingTotals(ended).laterPhasesMs).toBe(0);
  });
});
