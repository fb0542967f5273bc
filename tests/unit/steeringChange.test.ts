import { describe, expect, it } from "vitest";
import { GIVEN_TO_YOU, steeringChange, TAKEN_FROM_YOU } from "../../client/meeting/steeringChange";

const names: Record<string, string> = { p1: "Priya", p2: "Sam", p3: "Noor" };
const nameOf = (id: string) => names[id];

describe("what people are told when the meeting controls change hands", () => {
  it("tells the person concerned in the second person", () => {
    expect(steeringChange([], ["p1"], "p1", nameOf)).toBe(GIVEN_TO_YOU);
    expect(steeringChange(["p1"], [], "p1", nameOf)).toBe(TAKEN_FROM_YOU);
  });

  it("tells everyone else who was given or lost them, by name", () => {
    expect(steeringChange([], ["p1"], "p2", nameOf)).toBe("Priya can now steer the meeting too.");
    expect(steeringChange(["p1"], [], "p2", nameOf)).toBe("Priya no longer steers the meeting.");
    expect(steeringChange(["p1"], ["p2", "p3"], "fac", nameOf)).toBe(
      "Sam and Noor can now steer the meeting too. Priya no longer steers the meeting.",
    );
    expect(steeringChange(["p1", "p2", "p3"], [], "fac", nameOf)).toBe(
      "Priya, Sam and Noor no longer steer the meeting.",
    );
  });

  it("names someone without a lane as a participant, and says nothing when nothing changed", () => {
    expect(steeringChange([], ["gone"], "p2", nameOf)).toBe(
      "A participant can now steer the meeting too.",
    );
    expect(steeringChange(["p1"], ["p1"], "p2", nameOf)).toBeUndefined();
    // Your own change comes first: the controls you see are what changed for you.
    expect(steeringChange(["p2"], ["p1"], "p1", nameOf)).toBe(GIVEN_TO_YOU);
  });

  it("tells those who steer only about themselves when asked to", () => {
    expect(steeringChange([], ["p1"], "fac", nameOf, false)).toBeUndefined();
    expect(steeringChange(["p2"], ["p1", "p2"], "p2", nameOf, false)).toBeUndefined();
    expect(steeringChange(["p2"], [], "p2", nameOf, false)).toBe(TAKEN_FROM_YOU);
  });
});
