import * as Y from "yjs";
import { z } from "zod";
import { conflict, notFound, parseId, parseInput } from "./errors";
import { arrayField } from "./fields";
import { rankAfter } from "./fractionalIndex";
import { randomId, TIMELINE_LANE_ID } from "./ids";
import { CARD_KEY, IMPROVEMENT_KEY } from "./keys";
import { plainTextToFragment } from "./richText";
import { childMap, getRoots } from "./roots";
import {
  type AddCardInput,
  addCardInputSchema,
  cardKindSchema,
  cardTextSchema,
  idSchema,
  type MoveCardInput,
  moveCardInputSchema,
} from "./schema";

/** Returns the card's Y.Map or throws a "not-found" error naming `command`. */
export function requireCard(command: string, doc: Y.Doc, cardId: string): Y.Map<unknown> {
  return childMap(getRoots(doc).cards, cardId) ?? notFound(command, "card", cardId);
}

function requireLaneExists(command: string, doc: Y.Doc, laneId: string): void {
  if (!childMap(getRoots(doc).lanes, laneId)) notFound(command, "lane", laneId);
}

// New and moved cards go last among the cards already at the same time in the same lane: the
// order people add simultaneous things in is the order they meant.
function rankAfterTies(cards: Y.Map<unknown>, laneId: string, at: number, skipId?: string) {
  let last: string | null = null;
  cards.forEach((card, id) => {
    if (id === skipId || !(card instanceof Y.Map)) return;
    if (card.get(CARD_KEY.laneId) !== laneId || card.get(CARD_KEY.at) !== at) return;
    const rank = card.get(CARD_KEY.rank);
    if (typeof rank === "string" && (last === null || rank > last)) last = rank;
  });
  return rankAfter(last);
}

type ParsedCard = z.output<typeof addCardInputSchema>;

function writeCard(cards: Y.Map<unknown>, id: string, card: ParsedCard, rank: string): void {
  const map = new Y.Map<unknown>();
  cards.set(id, map);
  map.set(CARD_KEY.laneId, card.laneId);
  map.set(CARD_KEY.at, card.at);
  map.set(CARD_KEY.kind, card.kind);
  map.set(CARD_KEY.authorId, card.authorId);
  map.set(CARD_KEY.createdAt, card.createdAt ?? Date.now());
  map.set(CARD_KEY.rank, rank);
  if (card.source !== undefined) map.set(CARD_KEY.source, card.source);
  // Created eagerly: two peers lazily creating the same nested type concurrently would each
  // write their own, and the losing one's entries would vanish.
  map.set(CARD_KEY.votes, new Y.Map<unknown>());
  map.set(CARD_KEY.newToMe, new Y.Map<unknown>());
  map.set(CARD_KEY.links, new Y.Array<string>());
  const text = map.set(CARD_KEY.text, new Y.XmlFragment());
  plainTextToFragment(card.text ?? "", text);
}

/** Adds a card to an existing lane and returns its id (a new random id unless `id` is given). */
export function addCard(doc: Y.Doc, input: AddCardInput, origin?: unknown): string {
  const card = parseInput("addCard", addCardInputSchema, input);
  const id = card.id ?? randomId();
  doc.transact(() => {
    const { cards } = getRoots(doc);
    if (cards.has(id)) conflict("addCard", `card id "${id}" already exists`);
    requireLaneExists("addCard", doc, card.laneId);
    writeCard(cards, id, card, rankAfterTies(cards, card.laneId, card.at));
  }, origin);
  return id;
}

/**
 * Adds cards in one transaction, as `addCard` would one after another, and returns their ids.
 * For imports: finding the last card at the same time once for the batch, instead of scanning
 * the board for every card, keeps thousands of cards linear. Checks every card before writing
 * any, so a refusal leaves the document unchanged.
 */
export function addCards(doc: Y.Doc, inputs: readonly AddCardInput[], origin?: unknown): string[] {
  const parsed = inputs.map((input) => parseInput("addCards", addCardInputSchema, input));
  const ids = parsed.map((card) => card.id ?? randomId());
  doc.transact(() => {
    const { cards } = getRoots(doc);
    const seen = new Set<string>();
    parsed.forEach((card, i) => {
      const id = ids[i] as string;
      if (cards.has(id) || seen.has(id)) conflict("addCards", `card id "${id}" already exists`);
      seen.add(id);
      requireLaneExists("addCards", doc, card.laneId);
    });
    // Last rank per lane and time, the same tie rule as rankAfterTies.
    const tieKey = (laneId: unknown, at: unknown) => JSON.stringify([laneId, at]);
    const lastRanks = new Map<string, string>();
    cards.forEach((card) => {
      if (!(card instanceof Y.Map)) return;
      const rank = card.get(CARD_KEY.rank);
      if (typeof rank !== "string") return;
      const key = tieKey(card.get(CARD_KEY.laneId), card.get(CARD_KEY.at));
      const last = lastRanks.get(key);
      if (last === undefined || rank > last) lastRanks.set(key, rank);
    });
    parsed.forEach((card, i) => {
      const key = tieKey(card.laneId, card.at);
      const rank = rankAfter(lastRanks.get(key) ?? null);
      lastRanks.set(key, rank);
      writeCard(cards, ids[i] as string, card, rank);
    });
  }, origin);
  return ids;
}

/**
 * Moves a card to incident time `at` and optionally to another existing lane. When time or lane
 * change, the card goes last among the cards already at that time in that lane.
 */
export function moveCard(doc: Y.Doc, cardId: string, input: MoveCardInput, origin?: unknown): void {
  const id = parseId("moveCard", "cardId", cardId);
  const move = parseInput("moveCard", moveCardInputSchema, input);
  doc.transact(() => {
    const card = requireCard("moveCard", doc, id);
    if (move.laneId !== undefined) requireLaneExists("moveCard", doc, move.laneId);
    const storedLane = card.get(CARD_KEY.laneId);
    // A foreign card without a lane is put on the timeline rather than left invalid.
    const laneId = move.laneId ?? (typeof storedLane === "string" ? storedLane : TIMELINE_LANE_ID);
    if (laneId === storedLane && card.get(CARD_KEY.at) === move.at) return;
    card.set(CARD_KEY.rank, rankAfterTies(getRoots(doc).cards, laneId, move.at, id));
    card.set(CARD_KEY.at, move.at);
    if (laneId !== storedLane) card.set(CARD_KEY.laneId, laneId);
  }, origin);
}

/** Sets a card's kind. */
export function setCardKind(doc: Y.Doc, cardId: string, kind: string, origin?: unknown): void {
  const input = parseInput("setCardKind", z.object({ cardId: idSchema, kind: cardKindSchema }), {
    cardId,
    kind,
  });
  doc.transact(() => {
    requireCard("setCardKind", doc, input.cardId).set(CARD_KEY.kind, input.kind);
  }, origin);
}

/**
 * Replaces a card's rich text with plain text, one paragraph per line. The fragment itself is
 * kept, so editors bound to it stay bound.
 */
export function setCardText(doc: Y.Doc, cardId: string, text: string, origin?: unknown): void {
  const input = parseInput("setCardText", z.object({ cardId: idSchema, text: cardTextSchema }), {
    cardId,
    text,
  });
  doc.transact(() => {
    const card = requireCard("setCardText", doc, input.cardId);
    const existing = card.get(CARD_KEY.text);
    const fragment =
      existing instanceof Y.XmlFragment ? existing : card.set(CARD_KEY.text, new Y.XmlFragment());
    plainTextToFragment(input.text, fragment);
  }, origin);
}

function removeAll(array: Y.Array<unknown> | undefined, value: string): void {
  if (!array) return;
  // Backwards, so deleting does not shift the indexes still to visit.
  for (let i = array.length - 1; i >= 0; i--) if (array.get(i) === value) array.delete(i, 1);
}

/** Deletes a card and removes its id from every improvement's `cardIds` and every card's `links`. */
export function deleteCard(doc: Y.Doc, cardId: string, origin?: unknown): void {
  const id = parseId("deleteCard", "cardId", cardId);
  doc.transact(() => {
    requireCard("deleteCard", doc, id);
    const { cards, improvements } = getRoots(doc);
    cards.delete(id);
    cards.forEach((card) => {
      if (card instanceof Y.Map) removeAll(arrayField(card, CARD_KEY.links), id);
    });
    improvements.forEach((improvement) => {
      if (improvement instanceof Y.Map) {
        removeAll(arrayField(improvement, IMPROVEMENT_KEY.cardIds), id);
      }
    });
  }, origin);
}
