import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBoard, join } from "../support/api";
import { metric } from "../support/metrics";
import { authProtocols, closed, openRaw } from "../support/rawSocket";
import { type ServerHandle, startServer } from "../support/serverProcess";
import { waitFor } from "../support/waitFor";

// One message a second, forty at once: a spent budget has a tenth back after about 4 s.
const RATE = 1;
const BURST = 40;
let server: ServerHandle;

beforeAll(async () => {
  server = await startServer({ env: { RATE_PER_SECOND: String(RATE), RATE_BURST: String(BURST) } });
});

afterAll(async () => {
  await server.stop();
});

/** A WebSocket upgrade request written by hand; resolves with every byte of the answer. */
function rawHandshake(room: string, token: string, path = `/sync/${room}`): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.on("data", (d) => chunks.push(d));
    socket.on("error", reject);
    socket.on("close", () => resolve(Buffer.concat(chunks).toString("latin1")));
    socket.write(
      [
        `GET ${path} HTTP/1.1`,
        `Host: 127.0.0.1:${server.port}`,
        "Connection: Upgrade",
        "Upgrade: websocket",
        "Sec-WebSocket-Version: 13",
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
        `Sec-WebSocket-Protocol: ${authProtocols(token).join(", ")}`,
        "",
        "",
      ].join("\r\n"),
    );
  });
}

/** Spends the session's whole message budget in the room: the server closes with 1008. */
async function spendBudget(room: string, token: string): Promise<void> {
  const raw = await openRaw(`${server.wsUrl}/${room}`, authProtocols(token));
  if (raw.refused) throw new Error(`refused ${raw.status}`);
  const ended = closed(raw.ws);
  // An awareness message with no entries: the cheapest frame there is.
  for (let i = 0; i <= BURST; i++) raw.ws.send(new Uint8Array([1, 1, 0]));
  expect((await ended).code).toBe(1008);
}

const refusalLogs = () => server.logs.filter((l) => l.event === "sync.refused").length;

describe("refused sync handshakes", () => {
  it("answers a repeat of a refused handshake from memory, byte for byte the same, until the budget is back", async () => {
    const board = await createBoard(server.url);
    const flooder = (await join(server.url, board.id, board.keys.participant, "F")).token;
    const other = (await join(server.url, board.id, board.keys.participant, "O")).token;
    await spendBudget(board.id, flooder);
    const countedBefore = await metric(server.url, "debrief_sync_handshakes_refused_total");
    const logsBefore = refusalLogs();

    const asked = performance.now();
    const first = await rawHandshake(board.id, flooder);
    const repeating = Promise.all(
      Array.from({ length: 20 }, () => rawHandshake(board.id, flooder)),
    );
    await waitFor(async () => (await metric(server.url, "debrief_sync_refusals_held")) === 20, {
      what: "the repeats to be held",
    });
    const repeats = await repeating;
    expect(await metric(server.url, "debrief_sync_refusals_held")).toBe(0);
    // The budget is ~4 s from a tenth: each answer is held for the most a refusal waits, 1 s,
    // so a client that retries at once makes one attempt a second, not hundreds.
    expect(performance.now() - asked).toBeGreaterThanOrEqual(2 * 990);

    expect(first.startsWith("HTTP/1.1 429 Too Many Requests\r\n")).toBe(true);
    expect(first.endsWith('\r\n\r\n{"error":"rate limit exceeded"}')).toBe(true);
    for (const answer of repeats) expect(answer).toBe(first);
    // Every refusal is counted; only the one the route made is logged.
    expect(await metric(server.url, "debrief_sync_handshakes_refused_total")).toBe(
      countedBefore + 21,
    );
    expect(refusalLogs()).toBe(logsBefore + 1);

    // Someone else in the same room is not held back by the flooder's budget.
    const bystander = await openRaw(`${server.wsUrl}/${board.id}`, authProtocols(other));
    expect(bystander.refused).toBe(false);
    if (!bystander.refused) bystander.ws.close();

    // Once a tenth of the budget is back (~4 s), the same handshake is let in again.
    const back = await waitFor(
      async () => {
        const raw = await openRaw(`${server.wsUrl}/${board.id}`, authProtocols(flooder));
        return raw.refused ? undefined : raw;
      },
      { what: "the flooder's budget to come back", timeoutMs: 10_000, intervalMs: 100 },
    );
    back.ws.close();
  });

  it("says why in a JSON body, as the rest of the API does", async () => {
    const board = await createBoard(server.url);
    const token = (await join(server.url, board.id, board.keys.participant, "P")).token;
    const forged = `${token.slice(0, -4)}AAAA`;
    const cases = [
      { room: board.id, token: forged, status: "401 Unauthorized", error: "session forged" },
      { room: "not-a-room!", token, status: "404 Not Found", error: "unknown room" },
      { room: "other-board", token, status: "403 Forbidden", error: "not allowed in this room" },
      { room: "", path: "/api/boards", token, status: "404 Not Found", error: "not found" },
    ];
    for (const c of cases) {
      const answer = await rawHandshake(c.room, c.token, c.path);
      const [head, body] = answer.split("\r\n\r\n");
      expect(head!.split("\r\n")[0]).toBe(`HTTP/1.1 ${c.status}`);
      expect(head).toContain("Content-Type: application/json");
      expect(head).toContain(`Content-Length: ${Buffer.byteLength(body!)}`);
      expect(JSON.parse(body!)).toEqual({ error: c.error });
    }
  });
});
