import { describe, expect, it } from "vitest";
import { meetingActionRules } from "../../client/meeting/meetingActionRules";
import {
  applyMeetingAction,
  initialMeetingState,
  type MeetingAction,
  type MeetingState,
  SCRIPTS,
} from "../../shared/meeting";

const script = SCRIPTS["blameless-60"]!;
const T0 = 1_800_000_000_000;

/** Every state a meeting passes through on a walk that visits each status and each phase. */
function reachableStates(): MeetingState[] {
  const states: MeetingState[] = [initialMeetingState(script)];
  let state = states[0]!;
  const step = (action: MeetingAction, t: number) => {
    state = applyMeetingAction(state, action, t).state;
    states.push(state);
  };
  step({ type: "start" }, T0);
  for (let i = 1; i < script.phases.length; i++) {
    step({ type: "pause" }, T0 + i * 1000);
    step({ type: "resume" }, T0 + i * 1000 + 500);
    step({ type: "next" }, T0 + i * 2000);
  }
  step({ type: "previous" }, T0 + 50_000);
  step({ type: "end" }, T0 + 60_000);
  return states;
}

const probes: Array<[string, MeetingAction]> = [
  ["start", { type: "start" }],
  ["pause", { type: "pause" }],
  ["resume", { type: "resume" }],
  ["next", { type: "next" }],
  ["previous", { type: "previous" }],
  ["goto", { type: "goto", phaseId: script.phases[0]!.id }],
  ["extend", { type: "extend", ms: 60_000 }],
  ["end", { type: "end" }],
];

describe("the meeting bar's action rules", () => {
  it("enable exactly the actions the server's transitions accept, in every reachable state", () => {
    for (const state of reachableStates()) {
      const rules = meetingActionRules(state, 0);
      for (const [name, action] of probes) {
        let accepted = true;
        try {
          applyMeetingAction(state, action, T0 + 100_000);
        } catch {
          accepted = false;
        }
        expect(
          rules[name as keyof typeof rules].ok,
          `${name} in ${state.status}#${state.phaseIndex}`,
        ).toBe(accepted);
      }
    }
  });
});
