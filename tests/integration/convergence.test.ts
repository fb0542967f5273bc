import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import {
  addCard,
  addImprovement,
  CARD_KINDS,
  checkInvariants,
  deleteCard,
  laneIdForParticipant,
  linkCards,
  markNewToMe,
  moveCard,
  readBoard,
  setCardKind,
  setCardText,
  TIMELINE_LANE_ID,
  vote,
} from "../../shared/board";
import { createBoard, join, type SessionReply } from "../support/api";
import { createRandom, type Random, seedFromEnv } from "../support/random";
import { type ServerHandle, startServer } from "../support/serverProcess";
import { type Client, connectClient, converged, synced } from "../support/syncClient";
import { waitFor } from "../support/waitFor";

let server: ServerHandle;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server.stop();
});

type Peer = { session: SessionReply; client: Client };

/** One random board command by one peer, chosen from what that peer can see locally. */
function randomCommand(rnd: Random, peer: Peer): void {
  const doc: Y.Doc = peer.client.doc;
  const me = peer.session.participantId;
  const cards = readBoard(doc).cards;
  const card = rnd.pick(cards);
  const choice = rnd.int(10);
  if (choice < 3 || !card) {
    const laneId = rnd.chance(0.5) ? TIMELINE_LANE_ID : laneIdForParticipant(me);
    addCard(doc, {
      laneId,
      at: rnd.int(3_600_000),
      kind: rnd.pick(CARD_KINDS) ?? "event",
      text: `note ${rnd.int(1000)}`,
      authorId: me,
    });
  } else if (choice === 3) moveCard(doc, card.id, { at: rnd.int(3_600_000) });
  else if (choice === 4) setCardKind(doc, card.id, rnd.pick(CARD_KINDS) ?? "event");
  else if (choice === 5) setCardText(doc, card.id, `edited ${rnd.int(1000)}`);
  else if (choice === 6)
    vote(doc, { cardId: card.id, participantId: me, delta: rnd.chance(0.7) ? 1 : -1 });
  else if (choice === 7)
    markNewToMe(doc, { cardId: card.id, participantId: me, value: rnd.chance(0.6) });
  else if (choice === 8) {
    if (rnd.chance(0.5)) deleteCard(doc, card.id);
    else addImprovement(doc, { title: `improve ${rnd.int(100)}`, cardIds: [card.id] });
  } else {
    const other = rnd.pick(cards);
    if (other && other.id !== card.id) linkCards(doc, card.id, other.id);
  }
}

async function runScenario(seed: number, peers: number, steps: number): Promise<void> {
  const rnd = createRandom(seed);
  const board = await createBoard(server.url, { title: `fuzz ${seed}` });
  const all: Peer[] = [];
  for (let i = 0; i < peers; i++) {
    const session = await join(server.url, board.id, board.keys.participant, `Peer ${i}`);
    all.push({ session, client: connectClient(server.wsUrl, board.id, session.token) });
  }
  try {
    await Promise.all(all.map((p) => synced(p.client)));
    // Every participant's own lane must have arrived before it writes there.
    await waitFor(() => all.every((p) => readBoard(p.client.doc).lanes.length === peers + 1));
    for (let step = 0; step < steps; step++) {
      const peer = rnd.pick(all)!;
      if (rnd.chance(0.05)) {
        if (peer.client.provider.wsconnected) peer.client.provider.disconnect();
        else peer.client.provider.connect();
      } else {
        randomCommand(rnd, peer);
      }
      if (rnd.chance(0.2)) await new Promise((r) => setTimeout(r, rnd.int(5)));
    }
    for (const p of all) p.client.provider.connect();
    await Promise.all(all.map((p) => synced(p.client)));
    await converged(all.map((p) => p.client.doc));
    const first = readBoard(all[0]!.client.doc);
    for (const p of all) {
      expect(readBoard(p.client.doc), `seed ${seed}: peers diverged`).toEqual(first);
      expect(checkInvariants(p.client.doc), `seed ${seed}: invariants`).toEqual([]);
    }
    // A fresh client loading from the server sees the same board.
    const late = connectClient(server.wsUrl, board.id, all[0]!.session.token);
    try {
      await synced(late);
      await converged([late.doc, all[0]!.client.doc]);
      expect(readBoard(late.doc), `seed ${seed}: server copy differs`).toEqual(first);
    } finally {
      late.destroy();
    }
  } finally {
    for (const p of all) p.client.destroy();
  }
}

describe("randomized convergence", () => {
  it("converges with random commands and random disconnects (seed printed on failure)", async () => {
    const seed = seedFromEnv();
    try {
      await runScenario(seed, 4, 400);
    } catch (error) {
      process.stderr.write(`\nconvergence failed — replay with FUZZ_SEED=${seed}\n`);
      throw error;
    }
  });

  // Fixed seeds give a reproducible baseline; a seed that ever fails is added here by name.
  it.each([1, 42, 20261121])("converges for pinned seed %i", async (seed) => {
    await runScenario(seed, 3, 200);
  });
});
