import * as Y from "yjs";
import { z } from "zod";
import { addCard } from "./cards";
import { conflict, notFound, parseInput } from "./errors";
import { arrayField, distinctStrings } from "./fields";
import { rankAfter } from "./fractionalIndex";
import { ID_PATTERN, laneIdForParticipant, MAX_PARTICIPANT_ID_LENGTH, randomId } from "./ids";
import { CARD_KEY } from "./keys";
import { readCards } from "./readers";
import { plainTextToFragment } from "./richText";
import { childMap, getCardTextFragment, getRoots } from "./roots";
import { type Card, cardKindSchema, cardTextSchema, idSchema } from "./schema";

// A drafts room `<boardId>/drafts/<participantId>` is its own Y.Doc with the board's `cards`
// layout and no lanes: one participant writes there alone during a private phase, and on reveal
// the server copies the cards into the board. A separate room is what makes drafts private; Yjs
// cannot hide part of a shared document.

const participantIdSchema = idSchema.max(MAX_PARTICIPANT_ID_LENGTH);
const epochMsSchema = z.number().int("must be an integer").nonnegative("must not be negative");

export const addDraftCardInputSchema = z.strictObject({
  id: idSchema.optional(),
  at: epochMsSchema,
  kind: cardKindSchema,
  text: cardTextSchema.optional(),
  authorId: participantIdSchema,
  createdAt: epochMsSchema.optional(),
});
export type AddDraftCardInput = z.input<typeof addDraftCardInputSchema>;

// The board's rule for new cards (cards.ts keeps its helper private): last among the cards
// already at the same time. All drafts sit on one lane, so only `at` matters.
function rankAfterSameTime(cards: Y.Map<unknown>, at: number): string {
  let last: string | null = null;
  cards.forEach((card) => {
    if (!(card instanceof Y.Map) || card.get(CARD_KEY.at) !== at) return;
    const rank = card.get(CARD_KEY.rank);
    if (typeof rank === "string" && (last === null || rank > last)) last = rank;
  });
  return rankAfter(last);
}

/** Adds a private draft card (laneId: its author's lane on the board) and returns its id. */
export function addDraftCard(doc: Y.Doc, input: AddDraftCardInput, origin?: unknown): string {
  const card = parseInput("addDraftCard", addDraftCardInputSchema, input);
  const id = card.id ?? randomId();
  doc.transact(() => {
    const { cards } = getRoots(doc);
    if (cards.has(id)) conflict("addDraftCard", `card id "${id}" already exists`);
    const rank = rankAfterSameTime(cards, card.at);
    const map = new Y.Map<unknown>();
    cards.set(id, map);
    map.set(CARD_KEY.laneId, laneIdForParticipant(card.authorId));
    map.set(CARD_KEY.at, card.at);
    map.set(CARD_KEY.kind, card.kind);
    map.set(CARD_KEY.authorId, card.authorId);
    map.set(CARD_KEY.createdAt, card.createdAt ?? Date.now());
    map.set(CARD_KEY.rank, rank);
    // Created eagerly, as on the board, so the copied card has the same shape.
    map.set(CARD_KEY.votes, new Y.Map<unknown>());
    map.set(CARD_KEY.newToMe, new Y.Map<unknown>());
    map.set(CARD_KEY.links, new Y.Array<string>());
    plainTextToFragment(card.text ?? "", map.set(CARD_KEY.text, new Y.XmlFragment()));
  }, origin);
  return id;
}

/** Returns the draft cards as plain snapshots, sorted like board cards. */
export function readDraftCards(doc: Y.Doc): Card[] {
  return readCards(doc);
}

/** Returns how many draft cards the document holds. */
export function countDrafts(doc: Y.Doc): number {
  let count = 0;
  getRoots(doc).cards.forEach((card) => {
    if (card instanceof Y.Map) count++;
  });
  return count;
}

// A drafts room is written by its participant's client, so its values are untrusted: an
// impossible time becomes 0 rather than losing the card, since a perspective is never dropped.
function epochMsOr(value: number, fallback: number): number {
  return Number.isSafeInteger(value) && value >= 0 ? value : fallback;
}

function linkIds(card: Y.Map<unknown> | undefined): string[] {
  return card ? distinctStrings(arrayField(card, CARD_KEY.links)) : [];
}

// Copies one draft's rich text over the empty paragraph `addCard` wrote. `clone` copies element
// attributes and text formatting (marks), so bold stays bold and lists stay lists.
function copyText(draft: Y.Map<unknown> | undefined, boardDoc: Y.Doc, id: string): void {
  const source = draft?.get(CARD_KEY.text);
  const target = getCardTextFragment(boardDoc, id);
  if (!(source instanceof Y.XmlFragment) || !target) return;
  target.delete(0, target.length);
  // Hooks are not part of the Tiptap layout; elements and text are all a card's text holds.
  const nodes = source
    .toArray()
    .flatMap((node) => (node instanceof Y.XmlHook ? [] : [node.clone()]));
  target.insert(0, nodes);
}

/**
 * Copies every draft card into the board on the participant's lane (which must exist) and
 * returns how many it copied. Card ids are kept and cards already on the board are skipped, so
 * re-running a reveal after a crash never duplicates. Rich text is deep-copied with its
 * formatting; the author becomes the participant, votes and "new to me" start empty, and links
 * are kept where their target is on the board after the copy.
 */
export function copyDraftsIntoBoard(
  draftsDoc: Y.Doc,
  boardDoc: Y.Doc,
  participantId: string,
  origin?: unknown,
): number {
  const input = parseInput(
    "copyDraftsIntoBoard",
    z.object({ participantId: participantIdSchema }),
    {
      participantId,
    },
  );
  const laneId = laneIdForParticipant(input.participantId);
  const drafts = getRoots(draftsDoc).cards;
  let copied = 0;
  boardDoc.transact(() => {
    const { cards, lanes } = getRoots(boardDoc);
    // Lanes are created when a participant joins; a missing one means something went wrong
    // earlier, and inventing a lane here would hide it.
    if (!childMap(lanes, laneId)) notFound("copyDraftsIntoBoard", "lane", laneId);
    // In board order, so drafts at the same time keep their relative order on the lane. Keys
    // that are not valid ids can only come from a misbehaving client and cannot be board ids.
    const fresh = readCards(draftsDoc).filter(
      (draft) => ID_PATTERN.test(draft.id) && !cards.has(draft.id),
    );
    for (const draft of fresh) {
      addCard(boardDoc, {
        id: draft.id,
        laneId,
        at: epochMsOr(draft.at, 0),
        kind: draft.kind,
        // The server names the participant; a draft's own authorId is whatever their client wrote.
        authorId: input.participantId,
        createdAt: epochMsOr(draft.createdAt, Date.now()),
      });
      copyText(childMap(drafts, draft.id), boardDoc, draft.id);
    }
    // Links after all copies, so a draft may link to a draft that sorts after it.
    for (const draft of fresh) {
      const links = arrayField(childMap(cards, draft.id) ?? new Y.Map(), CARD_KEY.links);
      const kept = linkIds(childMap(drafts, draft.id)).filter(
        (target) => target !== draft.id && cards.has(target),
      );
      if (links && kept.length > 0) links.push(kept);
    }
    copied = fresh.length;
  }, origin);
  return copied;
}

/** Deletes the given draft cards (unknown ids are ignored) and returns how many it deleted. */
export function clearDrafts(draftsDoc: Y.Doc, ids: Iterable<string>, origin?: unknown): number {
  let deleted = 0;
  draftsDoc.transact(() => {
    const { cards } = getRoots(draftsDoc);
    for (const id of new Set(ids)) {
      if (!cards.has(id)) continue;
      cards.delete(id);
      deleted++;
    }
  }, origin);
  return deleted;
}
