import type { Script } from "../script";

// Questions that follow a statement of each kind. They ask for descriptions (what, how, where),
// never for explanations aimed at a person: "why" invites a defence, "how" invites the story.

/** Facilitator questions per card kind, shared by the shipped scripts. */
export const BLAMELESS_CARD_PROMPTS: Script["cardPrompts"] = {
  event: [
    "How did we learn that this happened?",
    "What else was going on around the same time?",
    "Where is this recorded: logs, chat, a dashboard?",
  ],
  observation: [
    "What exactly caught your attention?",
    "What was on your screen, or in the channel, at that moment?",
    "What did normal look like to you back then?",
  ],
  belief: [
    "How did you arrive at that picture of the system?",
    "Where does that expectation come from: experience, docs, a colleague?",
    "What could have told you otherwise at the time, and was it within reach?",
  ],
  action: [
    "What other options were visible then?",
    "What made this look like the right move at that moment?",
    "What were you expecting the system to do next?",
    "What else was pulling at your attention while you did this?",
  ],
  question: [
    "Who on the team might know the answer?",
    "How could we find out: logs, an experiment, a conversation?",
    "Did anyone learn the answer later, or is it still open?",
  ],
  factor: [
    "Which conditions made this possible?",
    "Where else in our work could this condition show up?",
    "What helped people notice it or work around it?",
  ],
};
