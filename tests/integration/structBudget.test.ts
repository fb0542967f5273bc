import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateFrame } from "../reliability/support/frames";
import { denseUpdate } from "../reliability/support/hostileFrames";
import { sendOnFreshSocket } from "../reliability/support/sendFrame";
import { createBoard, join } from "../support/api";
import { authProtocols, openRaw } from "../support/rawSocket";
import { type ServerHandle, startServer } from "../support/serverProcess";
import { connectClient, synced } from "../support/syncClient";
import { waitFor } from "../support/waitFor";

// Two thousand structs in one update at most, and as the burst; 500 a second after that.
const MAX_STRUCTS = 2_000;
const PER_SECOND = 500;
let server: ServerHandle;

beforeAll(async () => {
  server = await startServer({
    env: { MAX_UPDATE_STRUCTS: String(MAX_STRUCTS), STRUCTS_PER_SECOND: String(PER_SECOND) },
  });
});

afterAll(async () => {
  await server.stop();
});

async function handshake(room: string, token: string): Promise<number> {
  const raw = await openRaw(`${server.wsUrl}/${room}`, authProtocols(token));
  if (raw.refused) return raw.status;
  raw.ws.close();
  return 101;
}

describe("the struct budget", () => {
  it("charges the parts read of an update over the limit: reconnecting waits for a full budget", async () => {
    const board = await createBoard(server.url);
    const sender = (await join(server.url, board.id, board.keys.participant, "S")).token;
    const other = (await join(server.url, board.id, board.keys.participant, "O")).token;

    const tooLarge = await sendOnFreshSocket(`${server.wsUrl}/${board.id}`, sender, [
      updateFrame(denseUpdate(MAX_STRUCTS + 500)),
    ]);
    expect(tooLarge.code).toBe(4413);

    // Reading 2 001 parts spent the whole budget, and such an update needs more than all of
    // it: the session waits for a full budget (4 s), not for a tenth (0.4 s).
    expect(await handshake(board.id, sender)).toBe(429);
    expect(await handshake(board.id, other)).toBe(101);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await handshake(board.id, sender)).toBe(429);
    await waitFor(async () => (await handshake(board.id, sender)) === 101, {
      what: "the sender's budget to come back",
      timeoutMs: 10_000,
      intervalMs: 100,
    });
  });

  it("lets a refused update's resend in once the budget holds it, not sooner", async () => {
    const board = await createBoard(server.url);
    const sender = (await join(server.url, board.id, board.keys.participant, "S")).token;
    const roomUrl = `${server.wsUrl}/${board.id}`;
    const first = denseUpdate(1_500);
    const second = denseUpdate(1_500, "b");

    // The first fits the burst; the second finds 500 and what came back since, and is refused.
    const stored = await sendOnFreshSocket(roomUrl, sender, [updateFrame(first)], 1_000);
    expect(stored.code).toBe(0);
    const refused = await sendOnFreshSocket(roomUrl, sender, [updateFrame(second)]);
    expect(refused.code).toBe(1008);

    // What is left is more than a tenth of the budget, but not what the update needs: being
    // let in now would only get it refused again.
    expect(await handshake(board.id, sender)).toBe(429);
    await waitFor(async () => (await handshake(board.id, sender)) === 101, {
      what: "the budget to hold the refused update",
      timeoutMs: 20_000,
      intervalMs: 200,
    });
    const resent = await sendOnFreshSocket(roomUrl, sender, [updateFrame(second)], 1_000);
    expect(resent.code).toBe(0);

    const reader = connectClient(server.wsUrl, board.id, sender);
    await synced(reader);
    expect(reader.doc.getArray("a").length).toBe(1_500);
    expect(reader.doc.getArray("b").length).toBe(1_500);
    reader.destroy();
  });
});
