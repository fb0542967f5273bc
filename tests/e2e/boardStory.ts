import type { SeedCard } from "./boardSeed";

/** The people of the example incident, besides the person who opens the board. */
export const STORY_PEOPLE = ["Marco", "Aiko", "Sam"];

/** A small, realistic debrief: facts on the timeline and three perspectives. */
export const STORY_CARDS: SeedCard[] = [
  { minute: 0, kind: "event", text: "checkout-service v2.31 deployed to all regions" },
  { minute: 4, kind: "event", text: "5xx rate on /checkout passes 2 %; alert fires" },
  { minute: 11, kind: "event", text: "Incident declared in #inc-checkout" },
  { minute: 23, kind: "event", text: "Rollback to v2.30 started" },
  { minute: 31, kind: "event", text: "Error rate back to baseline" },
  {
    minute: 3,
    person: 0,
    kind: "observation",
    text: "Canary dashboard looked green the whole time",
  },
  {
    minute: 6,
    person: 0,
    kind: "belief",
    text: "Thought it was the CDN flapping again, like last Tuesday",
  },
  { minute: 14, person: 0, kind: "action", text: "Paused the deploy pipeline" },
  {
    minute: 5,
    person: 1,
    kind: "observation",
    text: "Pager went off while I was in the payments review",
  },
  { minute: 9, person: 1, kind: "question", text: "Which regions had the new tax flag enabled?" },
  { minute: 21, person: 1, kind: "action", text: "Proposed the rollback in the channel" },
  {
    minute: 8,
    person: 2,
    kind: "factor",
    text: "Canary gets 1 % of traffic, and none of it from the EU",
  },
  { minute: 12, person: 2, kind: "observation", text: "orders-worker queue depth kept growing" },
  {
    minute: 26,
    person: 2,
    kind: "belief",
    text: "Expected the rollback to take 2 minutes; it took 8",
  },
];
