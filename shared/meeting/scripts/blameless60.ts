import type { Script } from "../script";
import { BLAMELESS_CARD_PROMPTS } from "./cardPrompts";

const MINUTE = 60_000;

/** The default script: a 60-minute blameless debrief in six phases. */
export const BLAMELESS_60: Script = {
  id: "blameless-60",
  name: "Blameless debrief (60 min)",
  phases: [
    {
      id: "stage",
      title: "Set the stage",
      goal: "Agree on how we talk: we are here to learn, and everyone acted on what they knew then.",
      durationMs: 5 * MINUTE,
      prompts: [
        {
          at: "start",
          text: "Welcome. This is a blameless review: we are here to learn how the work really happened, not to find fault.",
        },
        {
          at: MINUTE,
          text: "Everyone involved acted in good faith on what they knew at the time. Hindsight shows us things nobody could see then.",
        },
        {
          at: "half",
          text: "There is no single root cause to find. We collect the conditions that lined up, and what helped us recover.",
        },
        {
          at: "last-2min",
          text: "Quick round: your name, and where you were during the incident: on call, nearby, or hearing about it later.",
        },
      ],
    },
    {
      id: "timeline",
      title: "Build the fact timeline",
      goal: "Put what happened, and how we found out, on the shared timeline.",
      durationMs: 10 * MINUTE,
      prompts: [
        {
          at: "start",
          text: "Add the facts to the shared timeline: what happened, and when. Alerts, deploys, chat and logs are good sources.",
        },
        {
          at: "half",
          text: "How did we find out? Add the first signal (an alert, a customer report, a message from a colleague) and when it arrived.",
        },
        {
          at: "last-2min",
          text: "Look for gaps: is there a stretch of time with nothing on the timeline? What was going on then?",
        },
        {
          at: "end",
          text: "The timeline does not need to be complete. We keep adding to it as we talk.",
        },
      ],
    },
    {
      id: "perspectives",
      title: "Perspectives",
      goal: "Each person writes alone, on their own lane, what they saw, believed, expected and did.",
      durationMs: 10 * MINUTE,
      private: true,
      reveal: true,
      prompts: [
        {
          at: "start",
          text: "Write alone on your own lane; nobody sees your cards until the reveal. Add what you saw, believed, expected and did, each at the time it happened.",
        },
        {
          at: 3 * MINUTE,
          text: "Stuck? Start from the moment you first heard something was off. What was on your screen? Who were you talking to?",
        },
        {
          at: "half",
          text: "At each step, add what you expected to happen next, even where it turned out differently.",
        },
        {
          at: "last-2min",
          text: "Two minutes left. Check the times on your cards; rough is fine.",
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
      durationMs: 15 * MINUTE,
      prompts: [
        {
          at: "start",
          text: "Walk the timeline from the beginning. At each step, ask the people closest to it: what made this look like the right move at that moment?",
        },
        {
          at: 4 * MINUTE,
          text: "Where were people looking for information? What did the dashboards, runbooks or chat show them?",
        },
        {
          at: "half",
          text: "What surprised you? Mark the cards that were new to you, and say what you had expected instead.",
        },
        {
          at: "last-2min",
          text: "At the key decisions, what other options were visible, and what made them look less attractive then?",
        },
      ],
    },
    {
      id: "factors",
      title: "Contributing factors and what helped",
      goal: "Name the conditions that lined up, what helped us recover, and where we got lucky.",
      durationMs: 10 * MINUTE,
      voting: true,
      prompts: [
        {
          at: "start",
          text: "Name the conditions that lined up: pressure, tooling, missing signals, unclear ownership, timing. Conditions, not culprits.",
        },
        {
          at: 3 * MINUTE,
          text: "Add factor cards where they sit on the timeline, and link them to the cards they shaped.",
        },
        {
          at: "half",
          text: "What helped us recover? Which people, tools or habits made things better, and how did help reach the right place?",
        },
        {
          at: "last-2min",
          text: "Where did we get lucky? What would this incident have looked like without that luck?",
        },
      ],
    },
    {
      id: "close",
      title: "Improvements and close",
      goal: "Turn what we learned into a few improvements with owners and dates, and share what was new.",
      durationMs: 10 * MINUTE,
      prompts: [
        {
          at: "start",
          text: "Turn the strongest factors into improvements. Each one needs an owner and a due date.",
        },
        {
          at: "half",
          text: "Is each improvement small enough to finish? Which ones make it easier to notice, decide or recover next time?",
        },
        {
          at: "last-2min",
          text: "Closing round: what was new to you today?",
        },
        {
          at: "end",
          text: "Thank you. The board stays open for additions, and the report can be exported at any time.",
        },
      ],
    },
  ],
  cardPrompts: BLAMELESS_CARD_PROMPTS,
};
