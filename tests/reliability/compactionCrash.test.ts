import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { addCard, readBoard, TIMELINE_LANE_ID } from "../../shared/board";
import { createBoard, join } from "../support/api";
import { metric } from "../support/metrics";
import { createRandom } from "../support/random";
import { freePort } from "../support/redisProcess";
import { type ServerHandle, startServer, tempDataDir } from "../support/serverProcess";
import { type Client, connectClient, synced } from "../support/syncClient";
import { figure, reliabilitySeed, scaled } from "./support/figures";

const KILLS = scaled(12, 80);
const BOARDS = 3;
const WRITERS = 2;

type Writer = { board: number; index: number; client: Client; written: number };

/** Entries in a Y.Array, where a replayed or half-folded log would show up twice. */
const entries = (doc: Y.Doc) => doc.getArray<string>("crashlog").toArray();

describe("crash during compaction", () => {
  it(
    "loads every board with nothing lost or duplicated after SIGKILLs while logs are folded",
    async () => {
      const rnd = createRandom(reliabilitySeed("compaction-crash"));
      const dataDir = tempDataDir();
      // Compaction after every 5 rows: most kills land during or right after one.
      const env = { PORT: String(await freePort()), COMPACT_AFTER_UPDATES: "5" };
      let server: ServerHandle = await startServer({ dataDir, env });
      const boards = [];
      for (let b = 0; b < BOARDS; b++) boards.push(await createBoard(server.url));
      const writers: Writer[] = [];
      const watchers: Client[] = [];
      for (const [b, board] of boards.entries()) {
        for (let w = 0; w < WRITERS; w++) {
          const s = await join(server.url, board.id, board.keys.participant, `W${w}`);
          const client = connectClient(server.wsUrl, board.id, s.token);
          writers.push({ board: b, index: w, client, written: 0 });
        }
        const o = await join(server.url, board.id, board.keys.observer, "O");
        watchers.push(connectClient(server.wsUrl, board.id, o.token));
      }
      const observerTokens = await Promise.all(
        boards.map(async (b) => (await join(server.url, b.id, b.keys.observer, "Check")).token),
      );
      let compactions = 0;
      let lost = 0;
      let duplicated = 0;
      let unloadable = 0;
      try {
        for (let kill = 0; kill < KILLS; kill++) {
          await Promise.all([...writers.map((w) => synced(w.client, 30_000))]);
          const editing = setInterval(() => {
            for (const w of writers) {
              const tag = `b${w.board}w${w.index}n${w.written++}`;
              w.client.doc.transact(() => {
                w.client.doc.getArray<string>("crashlog").push([tag]);
                addCard(w.client.doc, {
                  id: tag,
                  laneId: TIMELINE_LANE_ID,
                  at: kill,
                  kind: "event",
                  authorId: `w${w.index}`,
                });
              });
            }
          }, 5);
          await new Promise((r) => setTimeout(r, 40 + rnd.int(300)));
          compactions += await metric(server.url, "debrief_compactions_total").catch(() => 0);
          await new Promise((r) => setTimeout(r, rnd.int(40)));
          await server.stop("SIGKILL");
          clearInterval(editing);
          // What the watcher of each board received came from the server, so it was stored.
          const seen = watchers.map((w) => new Set(entries(w.doc)));

          server = await startServer({ dataDir, env });
          for (const [b, board] of boards.entries()) {
            const fresh = connectClient(server.wsUrl, board.id, observerTokens[b]!);
            try {
              await synced(fresh, 20_000);
            } catch {
              unloadable++;
              fresh.destroy();
              continue;
            }
            const stored = entries(fresh.doc);
            const storedSet = new Set(stored);
            duplicated += stored.length - storedSet.size;
            lost += [...seen[b]!].filter((t) => !storedSet.has(t)).length;
            const cardIds = readBoard(fresh.doc).cards.map((c) => c.id);
            duplicated += cardIds.length - new Set(cardIds).size;
            fresh.destroy();
          }
          expect({ lost, duplicated, unloadable }, `after kill ${kill}`).toEqual({
            lost: 0,
            duplicated: 0,
            unloadable: 0,
          });
        }
      } finally {
        for (const w of writers) w.client.destroy();
        for (const w of watchers) w.destroy();
        await server.stop();
      }
      figure("compaction_crash_kills", KILLS);
      figure("compaction_crash_compactions_before_kills", compactions);
      figure("compaction_crash_unloadable_boards", unloadable);
      figure("compaction_crash_lost", lost);
      figure("compaction_crash_duplicated", duplicated);
      expect(compactions).toBeGreaterThan(KILLS);
    },
    scaled(180_000, 1_800_000),
  );
});
