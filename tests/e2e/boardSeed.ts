import {
  addCard,
  addParticipantLane,
  type CardKind,
  readBoard,
  TIMELINE_LANE_ID,
} from "../../shared/board";
import { type CreatedBoard, createBoard, join } from "../support/api";
import { createRandom } from "../support/random";
import { type Client, connectClient, synced } from "../support/syncClient";
import { waitFor } from "../support/waitFor";

/** A card to seed: on the timeline, or on the lane of the participant at `person`. */
export type SeedCard = { person?: number; minute: number; kind: CardKind; text: string };

export type SeededBoard = {
  board: CreatedBoard;
  /** A facilitator session's token, for meeting actions over the API. */
  token: string;
  /** A live connection to the board room, to read what browsers did (close with destroy()). */
  watcher: Client;
  participantIds: string[];
};

// The incident start every seeded board shares; cards are placed in minutes after it.
export const SEED_INCIDENT_START = "2026-11-02T14:00:00+01:00";
const START_MS = Date.parse(SEED_INCIDENT_START);

/**
 * Creates a board over the API and writes lanes and cards into it through the stock
 * y-websocket provider, as a facilitator's client would, then waits until a second
 * connection sees all of it (so it is stored on the server). Everything goes in one update:
 * more than a few hundred cards need a server started with a raised MAX_UPDATE_STRUCTS and
 * STRUCTS_PER_SECOND.
 */
export async function seedBoard(
  baseUrl: string,
  wsUrl: string,
  options: { title?: string; people: string[]; cards: SeedCard[]; incidentEnd?: string },
): Promise<SeededBoard> {
  const board = await createBoard(baseUrl, {
    title: options.title ?? "Checkout errors after the 14:00 deploy",
    incidentStart: SEED_INCIDENT_START,
    ...(options.incidentEnd ? { incidentEnd: options.incidentEnd } : {}),
    timezone: "Europe/Berlin",
  });
  const session = await join(baseUrl, board.id, board.keys.facilitator, "Seeder");
  const writer = connectClient(wsUrl, board.id, session.token);
  await synced(writer);
  const participantIds = options.people.map((_, i) => `seed-person-${i}`);
  // A few thousand cards in one transaction make one update frame of about a megabyte.
  writer.doc.transact(() => {
    options.people.forEach((name, i) => {
      addParticipantLane(writer.doc, { participantId: participantIds[i]!, name });
    });
    for (const card of options.cards) {
      const author =
        card.person === undefined ? session.participantId : participantIds[card.person]!;
      addCard(writer.doc, {
        laneId: card.person === undefined ? TIMELINE_LANE_ID : `p-${author}`,
        at: START_MS + card.minute * 60_000,
        kind: card.kind,
        text: card.text,
        authorId: author,
      });
    }
  });
  const watcher = connectClient(wsUrl, board.id, session.token);
  await waitFor(() => readBoard(watcher.doc).cards.length >= options.cards.length, {
    timeoutMs: 60_000,
    what: "seeded cards stored",
  });
  writer.destroy();
  return { board, token: session.token, watcher, participantIds };
}

const KINDS: CardKind[] = ["observation", "belief", "action", "question", "factor"];
const PHRASES = [
  "Saw the 5xx rate climb on the checkout dashboard",
  "Thought the CDN was flapping again, as last week",
  "Rolled back the payment adapter to v2.30",
  "Pager went off while I was in another incident",
  "Queue depth on orders-worker kept growing",
  "Expected the canary to catch this before full rollout",
  "Asked in #incident whether the deploy was paused",
  "Feature flag for the new tax rules was still on",
];

/** `count` cards spread over `people` lanes (and the timeline) within `spanMinutes`. */
export function generatedCards(
  count: number,
  people: number,
  spanMinutes: number,
  seed = 7,
): SeedCard[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const person = i % (people + 1) === people ? undefined : i % (people + 1);
    return {
      person,
      minute: random.int(spanMinutes),
      kind: person === undefined ? "event" : (random.pick(KINDS) ?? "observation"),
      text: `${random.pick(PHRASES)} (#${i + 1})`,
    };
  });
}
