import type { Script } from "../../shared/meeting";

const MIN = 60_000;

/**
 * A short script for tests against a real server: prompts at millisecond offsets arrive within
 * a second or two, while every phase still respects the one-minute minimum.
 */
export const QUICK_SCRIPT: Script = {
  id: "quick-test",
  name: "Quick test meeting",
  phases: [
    {
      id: "stage",
      title: "Set the stage",
      goal: "Agree that we are here to learn.",
      durationMs: MIN,
      prompts: [
        { at: "start", text: "We are here to learn how this made sense at the time." },
        { at: 400, text: "What do we want to understand by the end?" },
        { at: 1200, text: "Who else should be heard?" },
      ],
    },
    {
      id: "write",
      title: "Write alone",
      goal: "Each person writes what they saw, believed and did.",
      durationMs: MIN,
      private: true,
      reveal: true,
      prompts: [{ at: "start", text: "Write on your own lane: what did you see first?" }],
    },
    {
      id: "walk",
      title: "Walk the timeline",
      goal: "Understand each step as it looked then.",
      durationMs: 2 * MIN,
      prompts: [{ at: "start", text: "What made this step look right at that moment?" }],
    },
  ],
  cardPrompts: { action: ["What other options were visible then?"] },
};
