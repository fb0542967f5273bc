import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { createBoard, join } from "../support/api";
import { authProtocols } from "../support/rawSocket";
import { type ServerHandle, startServer } from "../support/serverProcess";
import { figure } from "./support/figures";

let sameOrigin: ServerHandle;
let configured: ServerHandle;

beforeAll(async () => {
  [sameOrigin, configured] = await Promise.all([
    startServer(),
    startServer({ env: { ALLOWED_ORIGINS: "https://debrief.example.com" } }),
  ]);
});

afterAll(async () => {
  await Promise.all([sameOrigin.stop(), configured.stop()]);
});

/** The handshake's HTTP status (101 when upgraded) for an upgrade with this Origin header. */
function upgradeStatus(url: string, token: string, origin: string | undefined): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, authProtocols(token), origin ? { headers: { origin } } : {});
    ws.once("unexpected-response", (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once("upgrade", () => {
      resolve(101);
      ws.terminate();
    });
    ws.on("error", () => {});
  });
}

describe("WebSocket upgrades from other origins", () => {
  it("refuses a foreign or null Origin before the upgrade, by default and when configured", async () => {
    let cases = 0;
    const failures: string[] = [];
    for (const server of [sameOrigin, configured]) {
      const board = await createBoard(server.url);
      const token = (await join(server.url, board.id, board.keys.facilitator, "F")).token;
      const url = `${server.wsUrl}/${board.id}`;
      const host = `127.0.0.1:${server.port}`;
      const allowed = server === configured ? ["https://debrief.example.com"] : [`http://${host}`];
      const refused = [
        "https://evil.example",
        "null",
        `http://${host}.evil.example`,
        `http://127.0.0.1:${server.port + 1}`,
        "https://debrief.example.com.evil.example",
        "not a url",
        ...(server === configured ? [`http://${host}`.replace("127.0.0.1", "localhost")] : []),
      ];
      for (const origin of refused) {
        cases++;
        const status = await upgradeStatus(url, token, origin);
        if (status !== 403) failures.push(`${origin} on ${server.port}: ${status}`);
      }
      for (const origin of [...allowed, undefined]) {
        cases++;
        const status = await upgradeStatus(url, token, origin);
        if (status !== 101) failures.push(`allowed ${origin} on ${server.port}: ${status}`);
      }
    }
    figure("origin_cases", cases);
    figure("origin_failures", failures.length);
    expect(failures).toEqual([]);
  });
});
