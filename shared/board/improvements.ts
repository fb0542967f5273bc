import * as Y from "yjs";
import { conflict, notFound, parseId, parseInput } from "./errors";
import { randomId } from "./ids";
import { IMPROVEMENT_KEY } from "./keys";
import { childMap, getRoots } from "./roots";
import {
  type AddImprovementInput,
  addImprovementInputSchema,
  type UpdateImprovementInput,
  updateImprovementInputSchema,
} from "./schema";

function requireCardIds(command: string, doc: Y.Doc, cardIds: readonly string[]): string[] {
  const { cards } = getRoots(doc);
  for (const cardId of cardIds) if (!childMap(cards, cardId)) notFound(command, "card", cardId);
  return [...new Set(cardIds)];
}

/** Adds an improvement (status "open" unless given) linked to existing cards; returns its id. */
export function addImprovement(doc: Y.Doc, input: AddImprovementInput, origin?: unknown): string {
  const improvement = parseInput("addImprovement", addImprovementInputSchema, input);
  const id = improvement.id ?? randomId();
  doc.transact(() => {
    const { improvements } = getRoots(doc);
    if (improvements.has(id)) conflict("addImprovement", `improvement id "${id}" already exists`);
    const cardIds = requireCardIds("addImprovement", doc, improvement.cardIds ?? []);
    const map = new Y.Map<unknown>();
    improvements.set(id, map);
    map.set(IMPROVEMENT_KEY.title, improvement.title);
    map.set(IMPROVEMENT_KEY.owner, improvement.owner ?? "");
    if (improvement.due !== undefined) map.set(IMPROVEMENT_KEY.due, improvement.due);
    map.set(IMPROVEMENT_KEY.status, improvement.status ?? "open");
    map.set(IMPROVEMENT_KEY.cardIds, Y.Array.from(cardIds));
    map.set(IMPROVEMENT_KEY.createdAt, improvement.createdAt ?? Date.now());
  }, origin);
  return id;
}

/** Updates the given fields; null clears `due`; `cardIds` replaces the list (cards must exist). */
export function updateImprovement(
  doc: Y.Doc,
  improvementId: string,
  input: UpdateImprovementInput,
  origin?: unknown,
): void {
  const id = parseId("updateImprovement", "improvementId", improvementId);
  const patch = parseInput("updateImprovement", updateImprovementInputSchema, input);
  doc.transact(() => {
    const map =
      childMap(getRoots(doc).improvements, id) ?? notFound("updateImprovement", "improvement", id);
    // Validated before any write: Yjs cannot roll back a transaction that throws halfway.
    const cardIds =
      patch.cardIds === undefined
        ? undefined
        : requireCardIds("updateImprovement", doc, patch.cardIds);
    if (patch.title !== undefined) map.set(IMPROVEMENT_KEY.title, patch.title);
    if (patch.owner !== undefined) map.set(IMPROVEMENT_KEY.owner, patch.owner);
    if (patch.due === null) map.delete(IMPROVEMENT_KEY.due);
    else if (patch.due !== undefined) map.set(IMPROVEMENT_KEY.due, patch.due);
    if (patch.status !== undefined) map.set(IMPROVEMENT_KEY.status, patch.status);
    if (cardIds !== undefined) {
      const stored = map.get(IMPROVEMENT_KEY.cardIds);
      if (stored instanceof Y.Array) {
        // Edit in place: replacing the array would drop links a peer adds concurrently.
        stored.delete(0, stored.length);
        stored.push(cardIds);
      } else {
        map.set(IMPROVEMENT_KEY.cardIds, Y.Array.from(cardIds));
      }
    }
  }, origin);
}

/** Deletes an improvement; the cards it referenced stay. */
export function deleteImprovement(doc: Y.Doc, improvementId: string, origin?: unknown): void {
  const id = parseId("deleteImprovement", "improvementId", improvementId);
  doc.transact(() => {
    const { improvements } = getRoots(doc);
    if (!childMap(improvements, id)) notFound("deleteImprovement", "improvement", id);
    improvements.delete(id);
  }, origin);
}
