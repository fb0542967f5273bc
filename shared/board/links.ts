import * as Y from "yjs";
import { requireCard } from "./cards";
import { invalidField, parseId } from "./errors";
import { arrayField } from "./fields";
import { CARD_KEY } from "./keys";

// Links are directed: `from.links` lists the cards `from` relates to ("this belief came from
// that event"). Readers drop duplicates and ids of deleted cards.

/** Records that card `fromId` relates to card `toId`; linking twice is a no-op. */
export function linkCards(doc: Y.Doc, fromId: string, toId: string, origin?: unknown): void {
  const from = parseId("linkCards", "fromId", fromId);
  const to = parseId("linkCards", "toId", toId);
  if (from === to) invalidField("linkCards", "toId", "a card cannot link to itself");
  doc.transact(() => {
    const card = requireCard("linkCards", doc, from);
    requireCard("linkCards", doc, to);
    // Lazily created only for cards from foreign clients; see addCard.
    const links = arrayField(card, CARD_KEY.links) ?? card.set(CARD_KEY.links, new Y.Array());
    if (!links.toArray().includes(to)) links.push([to]);
  }, origin);
}

/** Removes every link from card `fromId` to `toId`; unlinking an absent link is a no-op. */
export function unlinkCards(doc: Y.Doc, fromId: string, toId: string, origin?: unknown): void {
  const from = parseId("unlinkCards", "fromId", fromId);
  const to = parseId("unlinkCards", "toId", toId);
  doc.transact(() => {
    const links = arrayField(requireCard("unlinkCards", doc, from), CARD_KEY.links);
    if (!links) return;
    for (let i = links.length - 1; i >= 0; i--) if (links.get(i) === to) links.delete(i, 1);
  }, origin);
}
