import {
  applyMeetingAction,
  initialMeetingState,
  type MeetingAction,
  type MeetingState,
  parseScript,
  type Script,
} from "../../shared/meeting";

export const MINUTE = 60_000;
/** A server clock reading to start from; any epoch ms works. */
export const T0 = Date.UTC(2026, 10, 9, 9, 0);

/** Three phases of 10, 4 and 5 minutes with prompts at every kind of moment. */
export const TEST_SCRIPT: Script = parseScript({
  id: "test",
  name: "Test script",
  phases: [
    {
      id: "a",
      title: "A",
      goal: "First",
      durationMs: 10 * MINUTE,
      prompts: [
        { at: "start", text: "A start" },
        { at: "half", text: "A half" },
        { at: "last-2min", text: "A last two minutes" },
        { at: "end", text: "A end" },
        { at: 3 * MINUTE, text: "A at three minutes" },
      ],
    },
    {
      id: "b",
      title: "B",
      goal: "Second",
      durationMs: 4 * MINUTE,
      prompts: [
        { at: "start", text: "B start" },
        { at: 30_000, text: "B at 30 s" },
      ],
    },
    {
      id: "c",
      title: "C",
      goal: "Third",
      durationMs: 5 * MINUTE,
      private: true,
      reveal: true,
      prompts: [{ at: "start", text: "C start" }],
    },
  ],
});

/** Applies actions in order, each at its own server time, and returns the final state. */
export function run(
  steps: [MeetingAction, number][],
  state = initialMeetingState(TEST_SCRIPT),
): MeetingState {
  return steps.reduce(
    (current, [action, now]) => applyMeetingAction(current, action, now).state,
    state,
  );
}

/** A state as a restarted server reads it back from storage: a JSON round trip. */
export function restored(state: MeetingState): MeetingState {
  return JSON.parse(JSON.stringify(state)) as MeetingState;
}
