import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCard, readBoard, TIMELINE_LANE_ID } from "../../shared/board";
import { createBoard, join } from "../support/api";
import { metric } from "../support/metrics";
import { type ServerHandle, startServer } from "../support/serverProcess";
import { connectClient, synced } from "../support/syncClient";
import { waitFor } from "../support/waitFor";
import { setStorageFaults } from "./support/faults";
import { figure, scaled } from "./support/figures";

const OUTAGE_MS = scaled(1500, 20_000);
let server: ServerHandle;

beforeAll(async () => {
  server = await startServer({ env: { DEBRIEF_TEST_HOOKS: "1" } });
});

afterAll(async () => {
  await server.stop();
});

describe("storage that fails for a while", () => {
  it("relays nothing it could not store, reports it, and loses nothing once storage recovers", async () => {
    const board = await createBoard(server.url);
    const ws = await join(server.url, board.id, board.keys.participant, "Writer");
    const ps = await join(server.url, board.id, board.keys.participant, "Peer");
    const writer = connectClient(server.wsUrl, board.id, ws.token);
    const peer = connectClient(server.wsUrl, board.id, ps.token);
    const closeCodes: number[] = [];
    writer.provider.on("connection-close", (e: CloseEvent | null) => e && closeCodes.push(e.code));
    try {
      await Promise.all([synced(writer), synced(peer)]);
      const errorsBefore = await metric(server.url, "debrief_storage_errors_total");

      setStorageFaults(server.dataDir, { append: true });
      const outageCards: string[] = [];
      const started = Date.now();
      // The writer keeps typing through the outage; the peer must see none of it.
      let relayedWhileFailing = 0;
      let n = 0;
      while (Date.now() - started < OUTAGE_MS) {
        const id = `outage${n++}`;
        outageCards.push(id);
        addCard(writer.doc, { id, laneId: TIMELINE_LANE_ID, at: n, kind: "event", authorId: "w" });
        await new Promise((r) => setTimeout(r, 50));
        relayedWhileFailing = readBoard(peer.doc).cards.filter((c) =>
          c.id.startsWith("outage"),
        ).length;
        if (relayedWhileFailing > 0) break;
      }
      const errorsDuring =
        (await metric(server.url, "debrief_storage_errors_total")) - errorsBefore;
      const logged = server.logs.filter((l) => l.event === "sync.store.failed").length;

      const recoveryStarted = performance.now();
      setStorageFaults(server.dataDir, {});
      await waitFor(
        () => outageCards.every((id) => readBoard(peer.doc).cards.some((c) => c.id === id)),
        { timeoutMs: 15_000, what: "the peer to receive every card written during the outage" },
      );
      const recoveryMs = performance.now() - recoveryStarted;

      // And it is stored: a restart loads all of it.
      await server.stop("SIGKILL");
      server = await startServer({ dataDir: server.dataDir, env: { DEBRIEF_TEST_HOOKS: "1" } });
      const check = connectClient(server.wsUrl, board.id, ps.token);
      await synced(check);
      const stored = new Set(readBoard(check.doc).cards.map((c) => c.id));
      check.destroy();
      const lost = outageCards.filter((id) => !stored.has(id)).length;

      figure("storage_fault_outage_ms", OUTAGE_MS);
      figure("storage_fault_cards_written_during_outage", outageCards.length);
      figure("storage_fault_relayed_while_failing", relayedWhileFailing);
      figure("storage_fault_errors_counted", errorsDuring);
      figure("storage_fault_errors_logged", logged);
      figure("storage_fault_writer_closed_1011", closeCodes.filter((c) => c === 1011).length);
      figure("storage_fault_recovery_ms", Math.round(recoveryMs));
      figure("storage_fault_lost_after_recovery", lost);
      expect(relayedWhileFailing).toBe(0);
      expect(errorsDuring).toBeGreaterThan(0);
      expect(logged).toBeGreaterThan(0);
      expect(closeCodes).toContain(1011);
      expect(lost).toBe(0);
    } finally {
      writer.destroy();
      peer.destroy();
      setStorageFaults(server.dataDir, {});
    }
  });

  it("closes a connection whose room cannot be loaded with 1011, and loads it once storage is back", async () => {
    const board = await createBoard(server.url);
    const s = await join(server.url, board.id, board.keys.participant, "Late");
    setStorageFaults(server.dataDir, { load: true });
    const client = connectClient(server.wsUrl, `${board.id}/drafts/${s.participantId}`, s.token);
    const codes: number[] = [];
    client.provider.on("connection-close", (e: CloseEvent | null) => e && codes.push(e.code));
    try {
      await waitFor(() => codes.includes(1011), { what: "a 1011 close while loads fail" });
      expect(client.provider.synced).toBe(false);
      setStorageFaults(server.dataDir, {});
      await synced(client);
      figure("storage_fault_load_failures_before_recovery", codes.length);
    } finally {
      client.destroy();
    }
  });
});
