import { describe, expect, it } from "vitest";
import { addCard, readBoard, TIMELINE_LANE_ID } from "../../shared/board";
import { createBoard, join } from "../support/api";
import { createRandom } from "../support/random";
import { freePort } from "../support/redisProcess";
import { type ServerHandle, startServer, tempDataDir } from "../support/serverProcess";
import { type Client, connectClient, converged, synced } from "../support/syncClient";
import { canonical } from "./support/canonical";
import { figure, reliabilitySeed, scaled } from "./support/figures";

const KILLS = scaled(20, 100);
const CLIENTS = 20;

/** Card ids name their author, so "received from a peer" can be told from "written here". */
const cardId = (client: number, n: number) => `c${client}x${n}`;
const authorOf = (id: string) => Number(id.slice(1, id.indexOf("x")));

describe("SIGKILL while 20 clients edit", () => {
  it(
    "keeps every update any peer received, and every client converges after restarts",
    async () => {
      const rnd = createRandom(reliabilitySeed("sigkill"));
      const dataDir = tempDataDir();
      // A fixed port, so the clients' providers find the restarted server on their own.
      const env = { PORT: String(await freePort()), SESSION_RATE_PER_MINUTE: "1000" };
      let server: ServerHandle = await startServer({ dataDir, env });
      const board = await createBoard(server.url);
      const sessions = [];
      for (let i = 0; i < CLIENTS; i++) {
        sessions.push(await join(server.url, board.id, board.keys.participant, `P${i}`));
      }
      const clients: Client[] = sessions.map((s) => connectClient(server.wsUrl, board.id, s.token));
      const written = new Array<number>(CLIENTS).fill(0);
      let receivedChecked = 0;
      let lost = 0;
      try {
        for (let kill = 0; kill < KILLS; kill++) {
          await Promise.all(clients.map((c) => synced(c, 30_000)));
          const editing = setInterval(() => {
            for (const [i, c] of clients.entries()) {
              if (!rnd.chance(0.5)) continue;
              addCard(c.doc, {
                id: cardId(i, written[i]!++),
                laneId: TIMELINE_LANE_ID,
                at: kill * 1000,
                kind: "event",
                authorId: `p${i}`,
              });
            }
          }, 10);
          await new Promise((r) => setTimeout(r, 50 + rnd.int(600)));
          await server.stop("SIGKILL");
          clearInterval(editing);

          // Whatever a client holds from another client came through the server, which stores
          // before it relays: all of it must be there after the restart.
          const received = new Set<string>();
          for (const [i, c] of clients.entries()) {
            for (const card of readBoard(c.doc).cards) {
              if (authorOf(card.id) !== i) received.add(card.id);
            }
          }
          server = await startServer({ dataDir, env });
          const fresh = connectClient(server.wsUrl, board.id, sessions[0]!.token);
          await synced(fresh, 30_000);
          const stored = new Set(readBoard(fresh.doc).cards.map((c) => c.id));
          fresh.destroy();
          const missing = [...received].filter((id) => !stored.has(id));
          lost += missing.length;
          receivedChecked += received.size;
          expect(missing, `kill ${kill}: received by a peer but not stored`).toEqual([]);
        }

        // The clients reconnect and resend what the server never stored; then all agree.
        await Promise.all(clients.map((c) => synced(c, 30_000)));
        await converged(
          clients.map((c) => c.doc),
          30_000,
        );
        const check = connectClient(server.wsUrl, board.id, sessions[0]!.token);
        await synced(check, 30_000);
        const final = readBoard(check.doc);
        check.destroy();
        const divergent = clients.filter(
          (c) => canonical(readBoard(c.doc)) !== canonical(final),
        ).length;
        const finalIds = new Set(final.cards.map((c) => c.id));
        let missingAtEnd = 0;
        for (let i = 0; i < CLIENTS; i++) {
          for (let n = 0; n < written[i]!; n++) if (!finalIds.has(cardId(i, n))) missingAtEnd++;
        }
        const total = written.reduce((a, b) => a + b, 0);
        figure("sigkill_restarts", KILLS);
        figure("sigkill_clients", CLIENTS);
        figure("sigkill_cards_written", total);
        figure("sigkill_received_by_peers_checked", receivedChecked);
        figure("sigkill_lost", lost);
        figure("sigkill_missing_after_reconnect", missingAtEnd);
        figure("sigkill_divergent_clients", divergent);
        expect(lost).toBe(0);
        expect(missingAtEnd).toBe(0);
        expect(divergent).toBe(0);
        expect(total).toBeGreaterThan(KILLS * CLIENTS);
      } finally {
        for (const c of clients) c.destroy();
        await server.stop();
      }
    },
    scaled(240_000, 1_800_000),
  );
});
