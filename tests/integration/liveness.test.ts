import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { createTokenSigner } from "../../server/auth/tokens";
import { createBoard, join } from "../support/api";
import { authProtocols, closed, openRaw } from "../support/rawSocket";
import { type ServerHandle, startServer } from "../support/serverProcess";
import { connectClient, synced } from "../support/syncClient";
import { waitFor } from "../support/waitFor";

const SECRET = "liveness-test-secret-of-at-least-32-chars";
let server: ServerHandle;

beforeAll(async () => {
  server = await startServer({ env: { HEARTBEAT_MS: "100", SESSION_SECRET: SECRET } });
});

afterAll(async () => {
  await server.stop();
});

describe("connection liveness", () => {
  it("sends an idle client an empty awareness update so the stock provider does not give up", async () => {
    const board = await createBoard(server.url);
    const s = await join(server.url, board.id, board.keys.observer, "O");
    const raw = await openRaw(`${server.wsUrl}/${board.id}`, authProtocols(s.token));
    if (raw.refused) throw new Error("refused");
    await waitFor(
      () => raw.frames.some((f) => f.length === 3 && f[0] === 1 && f[1] === 1 && f[2] === 0),
      {
        what: "a keep-alive frame",
      },
    );
    raw.ws.close();
  });

  it("drops a peer that stops answering pings", async () => {
    const board = await createBoard(server.url);
    const s = await join(server.url, board.id, board.keys.observer, "O");
    const ws = new WebSocket(`${server.wsUrl}/${board.id}`, authProtocols(s.token), {
      autoPong: false,
    });
    await new Promise((resolve) => ws.once("open", resolve));
    expect((await closed(ws)).code).toBe(1006);
  });

  it("closes a connection with 4401 when its session expires, and the provider stops retrying", async () => {
    const board = await createBoard(server.url);
    const s = await join(server.url, board.id, board.keys.facilitator, "F");
    const token = createTokenSigner(Buffer.from(SECRET)).issue({
      boardId: board.id,
      role: "facilitator",
      participantId: s.participantId,
      name: "F",
      expiresAt: Date.now() + 1500,
    });
    const client = connectClient(server.wsUrl, board.id, token);
    try {
      await synced(client);
      const codes: number[] = [];
      client.provider.on("connection-close", (e: CloseEvent | null) => e && codes.push(e.code));
      let gaveUp = false;
      client.provider.on("closed", () => {
        gaveUp = true;
      });
      await waitFor(() => gaveUp, { what: "provider to stop" });
      // On a loaded machine the 100 ms heartbeat may also cut a connection (1006) before the
      // session runs out; the last close is the expiry, and after it the provider gives up.
      expect(codes.at(-1)).toBe(4401);
    } finally {
      client.destroy();
    }
  });
});
