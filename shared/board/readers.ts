import * as Y from "yjs";
import {
  arrayField,
  compareStrings,
  distinctStrings,
  enumField,
  mapField,
  numberField,
  optionalStringField,
  stringField,
} from "./fields";
import { TIMELINE_LANE_ID } from "./ids";
import { BOARD_KEY, CARD_KEY, IMPROVEMENT_KEY, LANE_KEY } from "./keys";
import { colorForParticipant, TIMELINE_COLOR } from "./palette";
import { fragmentToPlainText } from "./richText";
import { childMap, getRoots } from "./roots";
import {
  type BoardInfo,
  type BoardSnapshot,
  CARD_KINDS,
  type Card,
  IMPROVEMENT_STATUSES,
  type Improvement,
  LANE_KINDS,
  type Lane,
  LIMITS,
} from "./schema";

// Readers turn the live Y types into plain, sorted, typed snapshots. They tolerate foreign or
// concurrently broken data (see fields.ts) instead of throwing: a board must always render.

/** Returns the board info; an uncreated board reads as empty title, "UTC", createdAt 0. */
export function readInfo(doc: Y.Doc): BoardInfo {
  const board = getRoots(doc).board;
  return {
    title: stringField(board, BOARD_KEY.title),
    incidentStart: optionalStringField(board, BOARD_KEY.incidentStart),
    incidentEnd: optionalStringField(board, BOARD_KEY.incidentEnd),
    timezone: stringField(board, BOARD_KEY.timezone, "UTC"),
    createdAt: numberField(board, BOARD_KEY.createdAt),
  };
}

function toLane(id: string, map: Y.Map<unknown>): Lane {
  const kind = enumField(map, LANE_KEY.kind, LANE_KINDS, "participant");
  const participantId =
    kind === "participant" ? optionalStringField(map, LANE_KEY.participantId) : null;
  const fallbackColor =
    kind === "timeline" ? TIMELINE_COLOR : colorForParticipant(participantId ?? id);
  return {
    id,
    kind,
    name: stringField(map, LANE_KEY.name),
    color: stringField(map, LANE_KEY.color, fallbackColor),
    participantId,
    order: numberField(map, LANE_KEY.order),
  };
}

function compareLanes(a: Lane, b: Lane): number {
  const timelineFirst = Number(b.kind === "timeline") - Number(a.kind === "timeline");
  return timelineFirst || a.order - b.order || compareStrings(a.id, b.id);
}

/** Returns all lanes: timeline lanes first, then by `order`, then by id. */
export function readLanes(doc: Y.Doc): Lane[] {
  const lanes: Lane[] = [];
  getRoots(doc).lanes.forEach((value, id) => {
    if (value instanceof Y.Map) lanes.push(toLane(id, value as Y.Map<unknown>));
  });
  return lanes.sort(compareLanes);
}

function readVotes(map: Y.Map<unknown> | undefined): Record<string, number> {
  const votes: Record<string, number> = {};
  // In key order: a Y.Map iterates in the order this peer happened to receive the keys, and
  // two peers with the same state must read the same board (reports, exports, comparisons).
  for (const participantId of [...(map?.keys() ?? [])].sort()) {
    const count = map?.get(participantId);
    // Zero, negative, fractional or absurd counts are not votes; checkInvariants reports them.
    if (Number.isInteger(count) && (count as number) > 0) {
      votes[participantId] = Math.min(count as number, LIMITS.votesPerParticipant);
    }
  }
  return votes;
}

function readNewToMe(map: Y.Map<unknown> | undefined): string[] {
  const ids: string[] = [];
  map?.forEach((marked, participantId) => {
    if (marked === true) ids.push(participantId);
  });
  return ids.sort(compareStrings);
}

function toCard(id: string, map: Y.Map<unknown>, cards: Y.Map<unknown>): Card {
  const votes = readVotes(mapField(map, CARD_KEY.votes));
  const text = map.get(CARD_KEY.text);
  const source = optionalStringField(map, CARD_KEY.source);
  return {
    id,
    laneId: stringField(map, CARD_KEY.laneId),
    at: numberField(map, CARD_KEY.at),
    // An unknown kind reads as the least assertive perspective rather than as a shared fact.
    kind: enumField(map, CARD_KEY.kind, CARD_KINDS, "observation"),
    text: text instanceof Y.XmlFragment ? fragmentToPlainText(text) : "",
    authorId: stringField(map, CARD_KEY.authorId),
    createdAt: numberField(map, CARD_KEY.createdAt),
    rank: stringField(map, CARD_KEY.rank),
    votes,
    voteTotal: Object.values(votes).reduce((sum, count) => sum + count, 0),
    newToMe: readNewToMe(mapField(map, CARD_KEY.newToMe)),
    // A card deleted concurrently with a link to it leaves a dangling id; it is not a relation.
    links: distinctStrings(arrayField(map, CARD_KEY.links)).filter(
      (linked) => linked !== id && childMap(cards, linked) !== undefined,
    ),
    // Only present when set, so cards written on the board read exactly as before.
    ...(source !== null ? { source } : {}),
  };
}

/** Orders cards by incident time, then rank, then id: the same total order on every client. */
export function compareCards(a: Card, b: Card): number {
  return a.at - b.at || compareStrings(a.rank, b.rank) || compareStrings(a.id, b.id);
}

/**
 * Returns cards sorted by `compareCards`, optionally only those whose stored `laneId` matches.
 * Orphan cards (lane deleted concurrently) are included unfiltered; see `displayLaneId`.
 */
export function readCards(doc: Y.Doc, filter: { laneId?: string } = {}): Card[] {
  const { cards } = getRoots(doc);
  const out: Card[] = [];
  cards.forEach((value, id) => {
    if (!(value instanceof Y.Map)) return;
    const card = toCard(id, value as Y.Map<unknown>, cards);
    if (filter.laneId === undefined || card.laneId === filter.laneId) out.push(card);
  });
  return out.sort(compareCards);
}

/** Returns one card, or null when `id` is not a card. */
export function readCard(doc: Y.Doc, id: string): Card | null {
  const { cards } = getRoots(doc);
  const map = childMap(cards, id);
  return map ? toCard(id, map, cards) : null;
}

/**
 * Returns the lane a card is shown in: its own lane, or the timeline lane when that lane no longer
 * exists (deleted concurrently with the card's creation), so no card ever becomes invisible.
 */
export function displayLaneId(
  card: Pick<Card, "laneId">,
  lanes: readonly Pick<Lane, "id">[],
): string {
  return lanes.some((lane) => lane.id === card.laneId) ? card.laneId : TIMELINE_LANE_ID;
}

function toImprovement(id: string, map: Y.Map<unknown>, cards: Y.Map<unknown>): Improvement {
  const due = optionalStringField(map, IMPROVEMENT_KEY.due);
  return {
    id,
    title: stringField(map, IMPROVEMENT_KEY.title),
    owner: stringField(map, IMPROVEMENT_KEY.owner),
    due: due !== null && /^\d{4}-\d{2}-\d{2}$/.test(due) ? due : null,
    status: enumField(map, IMPROVEMENT_KEY.status, IMPROVEMENT_STATUSES, "open"),
    cardIds: distinctStrings(arrayField(map, IMPROVEMENT_KEY.cardIds)).filter(
      (cardId) => childMap(cards, cardId) !== undefined,
    ),
    createdAt: numberField(map, IMPROVEMENT_KEY.createdAt),
  };
}

/** Returns all improvements sorted by `createdAt`, then id. */
export function readImprovements(doc: Y.Doc): Improvement[] {
  const { improvements, cards } = getRoots(doc);
  const out: Improvement[] = [];
  improvements.forEach((value, id) => {
    if (value instanceof Y.Map) out.push(toImprovement(id, value as Y.Map<unknown>, cards));
  });
  return out.sort((a, b) => a.createdAt - b.createdAt || compareStrings(a.id, b.id));
}

/**
 * Returns the whole board as plain data. Orphan cards are included with their stored `laneId`;
 * clients place them with `displayLaneId`.
 */
export function readBoard(doc: Y.Doc): BoardSnapshot {
  return {
    info: readInfo(doc),
    lanes: readLanes(doc),
    cards: readCards(doc),
    improvements: readImprovements(doc),
  };
}
