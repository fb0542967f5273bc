import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addCard, deleteCard, readBoard, TIMELINE_LANE_ID } from "../../shared/board";
import { createBoard, join } from "../support/api";
import { type ServerHandle, startServer } from "../support/serverProcess";
import { type Client, connectClient, converged, synced } from "../support/syncClient";
import { waitFor } from "../support/waitFor";

let server: ServerHandle;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.stop();
});

function open(room: string, token: string): Client {
  const client = connectClient(server.wsUrl, room, token);
  clients.push(client);
  return client;
}

/** Two participants of a new board, both synced. */
async function anaAndBen(): Promise<[Client, Client]> {
  const board = await createBoard(server.url);
  const a = open(board.id, (await join(server.url, board.id, board.keys.participant, "Ana")).token);
  const b = open(board.id, (await join(server.url, board.id, board.keys.participant, "Ben")).token);
  await Promise.all([synced(a), synced(b)]);
  return [a, b];
}

describe("sync over the stock y-websocket provider", () => {
  it("gives a new client the board the server created, with its one timeline lane", async () => {
    const board = await createBoard(server.url, { title: "Payments outage" });
    const session = await join(server.url, board.id, board.keys.facilitator, "Fran");
    const client = open(board.id, session.token);
    await synced(client);
    const snapshot = readBoard(client.doc);
    expect(snapshot.info.title).toBe("Payments outage");
    expect(snapshot.lanes.filter((l) => l.kind === "timeline")).toHaveLength(1);
  });

  it("converges two clients editing at the same time", async () => {
    const [a, b] = await anaAndBen();
    addCard(a.doc, {
      laneId: TIMELINE_LANE_ID,
      at: 1_000,
      kind: "event",
      text: "alert",
      authorId: "a",
    });
    addCard(b.doc, {
      laneId: TIMELINE_LANE_ID,
      at: 2_000,
      kind: "event",
      text: "page",
      authorId: "b",
    });
    await waitFor(() => readBoard(a.doc).cards.length === 2 && readBoard(b.doc).cards.length === 2);
    await converged([a.doc, b.doc]);
    expect(readBoard(a.doc)).toEqual(readBoard(b.doc));
  });

  it("converges five clients", async () => {
    const board = await createBoard(server.url);
    const five: Client[] = [];
    for (let i = 0; i < 5; i++) {
      const s = await join(server.url, board.id, board.keys.participant, `P${i}`);
      five.push(open(board.id, s.token));
    }
    await Promise.all(five.map((c) => synced(c)));
    five.forEach((c, i) => {
      for (let j = 0; j < 10; j++) {
        addCard(c.doc, {
          laneId: TIMELINE_LANE_ID,
          at: i * 100 + j,
          kind: "event",
          text: `c${i}-${j}`,
          authorId: `p${i}`,
        });
      }
    });
    await waitFor(() => five.every((c) => readBoard(c.doc).cards.length === 50), {
      what: "50 cards everywhere",
    });
    await converged(five.map((c) => c.doc));
    const first = readBoard(five[0]!.doc);
    for (const c of five) expect(readBoard(c.doc)).toEqual(first);
  });

  it("counts peers converged only once an offline deletion has reached them too", async () => {
    const [a, b] = await anaAndBen();
    const cardId = addCard(a.doc, {
      laneId: TIMELINE_LANE_ID,
      at: 1_000,
      kind: "event",
      text: "alert",
      authorId: "a",
    });
    await waitFor(() => readBoard(b.doc).cards.length === 1, { what: "the card at Ben" });
    a.provider.disconnect();
    deleteCard(a.doc, cardId);
    a.provider.connect();
    await synced(a);
    // Both state vectors are equal already: the deletion added no struct. It is still on its
    // way, in Ana's reply to the server's sync step 1.
    await converged([a.doc, b.doc]);
    expect(readBoard(b.doc).cards).toEqual([]);
  });

  it("never applies an observer's writes", async () => {
    const board = await createBoard(server.url);
    const fac = open(
      board.id,
      (await join(server.url, board.id, board.keys.facilitator, "F")).token,
    );
    const obs = open(board.id, (await join(server.url, board.id, board.keys.observer, "O")).token);
    await Promise.all([synced(fac), synced(obs)]);
    const before = Y.encodeStateVector(fac.doc);
    addCard(obs.doc, {
      laneId: TIMELINE_LANE_ID,
      at: 5,
      kind: "event",
      text: "sneaky",
      authorId: "o",
    });
    // A later write from the facilitator proves the server processed frames after the observer's.
    addCard(fac.doc, {
      laneId: TIMELINE_LANE_ID,
      at: 6,
      kind: "event",
      text: "real",
      authorId: "f",
    });
    const late = open(
      board.id,
      (await join(server.url, board.id, board.keys.facilitator, "L")).token,
    );
    await synced(late);
    await waitFor(() => readBoard(late.doc).cards.length === 1, { what: "facilitator card" });
    expect(readBoard(late.doc).cards.map((c) => c.text)).toEqual(["real"]);
    expect(Y.encodeStateVector(late.doc)).not.toEqual(before);
  });
});
