import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { readBoard } from "../../shared/board";
import { createBoard, join } from "../support/api";
import { authProtocols, closed, openRaw } from "../support/rawSocket";
import { type ServerHandle, startServer } from "../support/serverProcess";
import { connectClient, synced } from "../support/syncClient";

const MAX_FRAME = 64 * 1024;
let server: ServerHandle;
let boardId: string;
let token: string;

beforeAll(async () => {
  server = await startServer({
    env: { MAX_FRAME_BYTES: String(MAX_FRAME), RATE_PER_SECOND: "50", RATE_BURST: "100" },
  });
  const board = await createBoard(server.url, { title: "Frames" });
  boardId = board.id;
  token = (await join(server.url, board.id, board.keys.facilitator, "F")).token;
});

afterAll(async () => {
  await server.stop();
});

async function sendAndWaitClose(frame: Uint8Array | string): Promise<number> {
  const raw = await openRaw(`${server.wsUrl}/${boardId}`, authProtocols(token));
  if (raw.refused) throw new Error(`refused ${raw.status}`);
  const done = closed(raw.ws);
  raw.ws.send(frame);
  return (await done).code;
}

async function boardState(): Promise<Uint8Array> {
  const client = connectClient(server.wsUrl, boardId, token);
  try {
    await synced(client);
    return Y.encodeStateAsUpdate(client.doc);
  } finally {
    client.destroy();
  }
}

describe("malformed frames", () => {
  it("closes only the offending connection with 1002 and leaves the room unchanged", async () => {
    const before = await boardState();
    const update = Y.encodeStateAsUpdate(new Y.Doc());
    const frames: Array<[string, Uint8Array]> = [
      ["empty", new Uint8Array([])],
      ["unknown message type", new Uint8Array([9, 0, 0])],
      ["unknown sync step", new Uint8Array([0, 7, 0])],
      ["truncated length", new Uint8Array([0, 2, 50, 1, 2])],
      ["varint overflow", new Uint8Array([0, 2, 255, 255, 255, 255, 255, 255, 255, 255, 255, 1])],
      ["random bytes as update", new Uint8Array([0, 2, 6, 200, 13, 77, 1, 99, 254])],
      ["trailing bytes", new Uint8Array([0, 2, update.length, ...update, 42])],
      ["awareness with a bogus count", new Uint8Array([1, 3, 200, 1, 1])],
      ["awareness state that is not JSON", new Uint8Array([1, 6, 1, 5, 1, 2, 123, 123])],
    ];
    for (const [what, frame] of frames) {
      expect(await sendAndWaitClose(frame), what).toBe(1002);
    }
    expect(await sendAndWaitClose("hello")).toBe(1003);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(await boardState()).toEqual(before);
  });

  it("closes a bit-flipped real update's connection or applies it cleanly, never crashing", async () => {
    const doc = new Y.Doc();
    doc.getMap("scratch").set("k", "value");
    const update = Y.encodeStateAsUpdate(doc);
    for (let bit = 0; bit < update.length * 8; bit += 3) {
      const flipped = update.slice();
      flipped[bit >> 3]! ^= 1 << (bit & 7);
      const raw = await openRaw(`${server.wsUrl}/${boardId}`, authProtocols(token));
      if (raw.refused) throw new Error("refused");
      const done = closed(raw.ws);
      raw.ws.send(new Uint8Array([0, 2, flipped.length, ...flipped]));
      raw.ws.close(1000);
      expect([1000, 1002, 1005]).toContain((await done).code);
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const client = connectClient(server.wsUrl, boardId, token);
    try {
      await synced(client);
      expect(readBoard(client.doc).info.title).toBe("Frames");
    } finally {
      client.destroy();
    }
  });
});

describe("size and rate limits", () => {
  it("accepts a frame just under the limit and closes one over it with 1009", async () => {
    const under = new Uint8Array(MAX_FRAME - 1);
    under[0] = 3; // query-awareness followed by padding is malformed, but not too big
    expect(await sendAndWaitClose(under)).toBe(1002);
    expect(await sendAndWaitClose(new Uint8Array(MAX_FRAME + 1))).toBe(1009);
    expect(await sendAndWaitClose(new Uint8Array(8 * 1024 * 1024))).toBe(1009);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("closes a connection that floods messages with 1008", async () => {
    const raw = await openRaw(`${server.wsUrl}/${boardId}`, authProtocols(token));
    if (raw.refused) throw new Error("refused");
    const done = closed(raw.ws);
    const query = new Uint8Array([3]);
    for (let i = 0; i < 500; i++) raw.ws.send(query);
    expect((await done).code).toBe(1008);
  });
});
