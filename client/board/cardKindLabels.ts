import type { CardKind } from "../../shared/board";

/** How each card kind reads on the board: first person, to invite perspective over verdict. */
export const CARD_KIND_LABELS: Record<CardKind, string> = {
  event: "Fact",
  observation: "I saw",
  belief: "I thought",
  action: "I did",
  question: "Question",
  factor: "Contributing factor",
};
