import type * as Y from "yjs";
import {
  type BoardSnapshot,
  type Card,
  colorForParticipant,
  displayLaneId,
  fragmentToBlocks,
  getCardTextFragment,
  type Lane,
  TIMELINE_LANE_ID,
} from "../board";
import { isHelpedText } from "./helped";
import type { Participant, ReportCard } from "./reportTypes";
import { toReportBlocks } from "./richBlocks";
import { toInstant } from "./zonedTime";

// A participant lane saved without a name (a foreign client) still needs a readable label.
const UNNAMED = "Unnamed participant";

const FALLBACK_TIMELINE: Lane = {
  id: TIMELINE_LANE_ID,
  kind: "timeline",
  name: "Timeline",
  color: "#64748b",
  participantId: null,
  order: 0,
};

function laneName(lane: Lane): string {
  const name = lane.name.trim();
  if (name !== "") return name;
  return lane.kind === "timeline" ? "Timeline" : UNNAMED;
}

/** Everyone with a lane, in lane order, with their card counts and facilitator grants. */
export function buildParticipants(
  board: BoardSnapshot,
  facilitatorIds: ReadonlySet<string>,
): Participant[] {
  return board.lanes
    .filter((lane) => lane.kind === "participant")
    .map((lane) => {
      const participantId = lane.participantId ?? lane.id;
      // The colour lands in a style attribute, so only a well-formed hex value gets through.
      const color = /^#[0-9a-f]{6}$/i.test(lane.color)
        ? lane.color.toLowerCase()
        : colorForParticipant(participantId);
      return {
        participantId,
        laneId: lane.id,
        name: laneName(lane),
        color,
        facilitator: facilitatorIds.has(participantId),
        cardCount: board.cards.filter((card) => displayLaneId(card, board.lanes) === lane.id)
          .length,
      };
    });
}

/** Returns a function turning a board card into its report form. */
export function createCardConverter(doc: Y.Doc, board: BoardSnapshot, timeZone: string) {
  const lanesById = new Map(board.lanes.map((lane) => [lane.id, lane]));
  const namesByParticipant = new Map(
    board.lanes
      .filter((lane) => lane.kind === "participant" && lane.participantId !== null)
      .map((lane) => [lane.participantId as string, laneName(lane)]),
  );
  return (card: Card): ReportCard => {
    const lane = lanesById.get(displayLaneId(card, board.lanes)) ?? FALLBACK_TIMELINE;
    const fragment = getCardTextFragment(doc, card.id);
    return {
      id: card.id,
      time: toInstant(card.at, timeZone),
      kind: card.kind,
      lane: { id: lane.id, kind: lane.kind, name: laneName(lane) },
      text: card.text,
      blocks: fragment ? toReportBlocks(fragmentToBlocks(fragment)) : [],
      source: card.source ?? null,
      votes: card.voteTotal,
      newTo: {
        count: card.newToMe.length,
        names: card.newToMe
          .map((id) => namesByParticipant.get(id))
          .filter((name): name is string => name !== undefined),
      },
      links: card.links,
      helped: isHelpedText(card.text),
    };
  };
}
