import { describe, expect, it } from "vitest";
import { addCard, readBoard, TIMELINE_LANE_ID } from "../../shared/board";
import { createBoard, join } from "../support/api";
import { freePort } from "../support/redisProcess";
import { startServer, tempDataDir } from "../support/serverProcess";
import { type Client, connectClient, converged, synced } from "../support/syncClient";
import { waitFor } from "../support/waitFor";
import { figure } from "./support/figures";

const CLIENTS = 5;

describe("SIGTERM during editing", () => {
  it("closes every client with 1001 after a final flush and loses nothing", async () => {
    const dataDir = tempDataDir();
    const env = { PORT: String(await freePort()) };
    const server = await startServer({ dataDir, env });
    const board = await createBoard(server.url);
    const clients: Client[] = [];
    const firstClose: Array<number | undefined> = [];
    for (let i = 0; i < CLIENTS; i++) {
      const s = await join(server.url, board.id, board.keys.participant, `P${i}`);
      const c = connectClient(server.wsUrl, board.id, s.token);
      c.provider.on("connection-close", (e: CloseEvent | null) => {
        firstClose[i] ??= e?.code ?? -1;
      });
      clients.push(c);
    }
    const written = new Array<number>(CLIENTS).fill(0);
    let restarted: Awaited<ReturnType<typeof startServer>> | undefined;
    try {
      await Promise.all(clients.map((c) => synced(c)));
      const editing = setInterval(() => {
        for (const [i, c] of clients.entries()) {
          addCard(c.doc, {
            id: `c${i}x${written[i]!++}`,
            laneId: TIMELINE_LANE_ID,
            at: 1,
            kind: "event",
            authorId: `p${i}`,
          });
        }
      }, 5);
      await new Promise((r) => setTimeout(r, 500));
      const stopping = performance.now();
      const exitCode = await server.stop("SIGTERM");
      const shutdownMs = performance.now() - stopping;
      clearInterval(editing);
      await waitFor(() => firstClose.filter((c) => c !== undefined).length === CLIENTS, {
        what: "every client's close event",
      });
      const received = new Set<string>();
      for (const [i, c] of clients.entries()) {
        for (const card of readBoard(c.doc).cards)
          if (!card.id.startsWith(`c${i}x`)) received.add(card.id);
      }

      restarted = await startServer({ dataDir, env });
      const fresh = connectClient(
        restarted.wsUrl,
        board.id,
        (await join(restarted.url, board.id, board.keys.observer, "O")).token,
      );
      await synced(fresh);
      const stored = new Set(readBoard(fresh.doc).cards.map((c) => c.id));
      const lostReceived = [...received].filter((id) => !stored.has(id)).length;
      // The clients reconnect and resend what the server had not stored yet.
      await Promise.all(clients.map((c) => synced(c, 20_000)));
      await converged([fresh.doc, ...clients.map((c) => c.doc)]);
      const final = new Set(readBoard(fresh.doc).cards.map((c) => c.id));
      fresh.destroy();
      let missing = 0;
      for (let i = 0; i < CLIENTS; i++) {
        for (let n = 0; n < written[i]!; n++) if (!final.has(`c${i}x${n}`)) missing++;
      }

      const closed1001 = firstClose.filter((c) => c === 1001).length;
      figure("sigterm_clients", CLIENTS);
      figure("sigterm_clients_closed_1001", closed1001);
      figure("sigterm_exit_code", exitCode ?? -1);
      figure("sigterm_shutdown_ms", Math.round(shutdownMs));
      figure(
        "sigterm_cards_written",
        written.reduce((a, b) => a + b, 0),
      );
      figure("sigterm_received_but_lost", lostReceived);
      figure("sigterm_missing_after_reconnect", missing);
      expect(closed1001).toBe(CLIENTS);
      expect(exitCode).toBe(0);
      expect(server.logs.some((l) => l.event === "server.stopped")).toBe(true);
      expect(lostReceived).toBe(0);
      expect(missing).toBe(0);
    } finally {
      for (const c of clients) c.destroy();
      await restarted?.stop();
    }
  }, 60_000);
});
