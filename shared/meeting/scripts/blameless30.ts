import type { Script } from "../script";
import { BLAMELESS_CARD_PROMPTS } from "./cardPrompts";

const MINUTE = 60_000;

/** The short variant: the same arc as `blameless-60` in 30 minutes, with factors and close merged. */
export const BLAMELESS_30: Script = {
  id: "blameless-30",
  name: "Blameless debrief, short (30 min)",
  phases: [
    {
      id: "stage",
      title: "Set the stage",
      goal: "Agree on how we talk: we are here to learn, and everyone acted on what they knew then.",
      durationMs: 3 * MINUTE,
      prompts: [
        {
          at: "start",
          text: "This is a blameless review: we are here to learn, not to find fault. Everyone acted on what they knew at the time.",
        },
        {
          at: MINUTE,
          text: "There is no single root cause to find, only conditions that lined up.",
        },
      ],
    },
    {
      id: "timeline",
      title: "Build the fact timeline",
      goal: "Put what happened, and how we found out, on the shared timeline.",
      durationMs: 5 * MINUTE,
      prompts: [
        {
          at: "start",
          text: "Add the facts to the shared timeline: what happened, when, and how we found out.",
        },
        {
          at: "last-2min",
          text: "Any stretch of time with nothing on the timeline? What was going on then?",
        },
      ],
    },
    {
      id: "perspectives",
      title: "Perspectives",
      goal: "Each person writes alone, on their own lane, what they saw, believed, expected and did.",
      durationMs: 7 * MINUTE,
      private: true,
      reveal: true,
      prompts: [
        {
          at: "start",
          text: "Write alone on your own lane; nobody sees your cards until the reveal. Add what you saw, believed, expected and did, each at its time.",
        },
        {
          at: "last-2min",
          text: "Two minutes left. Rough times are fine.",
        },
        {
          at: "end",
          text: "Time to reveal: your cards move onto your lane on the shared board.",
        },
      ],
    },
    {
      id: "walkthrough",
      title: "Walk the timeline",
      goal: "Understand what made each step make sense at that moment, to the people taking it.",
      durationMs: 8 * MINUTE,
      prompts: [
        {
          at: "start",
          text: "Walk the timeline. At each step: what made this look like the right move at that moment?",
        },
        {
          at: "half",
          text: "What surprised you, and what other options were visible then?",
        },
      ],
    },
    {
      id: "close",
      title: "Factors, improvements and close",
      goal: "Name the conditions and what helped, agree a few improvements with owners, share what was new.",
      durationMs: 7 * MINUTE,
      voting: true,
      prompts: [
        {
          at: "start",
          text: "Name the conditions that lined up, and what helped us recover. Conditions, not culprits.",
        },
        {
          at: "half",
          text: "Turn the strongest factors into improvements, each with an owner and a due date.",
        },
        {
          at: "last-2min",
          text: "Closing round: what was new to you today?",
        },
      ],
    },
  ],
  cardPrompts: BLAMELESS_CARD_PROMPTS,
};
