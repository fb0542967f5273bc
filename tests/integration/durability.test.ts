import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addCard, readBoard, TIMELINE_LANE_ID } from "../../shared/board";
import { createBoard, join } from "../support/api";
import { metric } from "../support/metrics";
import { startServer } from "../support/serverProcess";
import { connectClient, synced } from "../support/syncClient";
import { waitFor } from "../support/waitFor";

describe("durability", () => {
  it("keeps every update a peer received when the server is killed with SIGKILL", async () => {
    const server = await startServer();
    const board = await createBoard(server.url);
    const writer = await join(server.url, board.id, board.keys.participant, "W");
    const watcher = await join(server.url, board.id, board.keys.observer, "O");
    const w = connectClient(server.wsUrl, board.id, writer.token);
    const o = connectClient(server.wsUrl, board.id, watcher.token);
    await Promise.all([synced(w), synced(o)]);

    // The writer keeps writing; we kill the server while updates are in flight.
    let written = 0;
    const writing = setInterval(() => {
      for (let i = 0; i < 5; i++) {
        addCard(w.doc, {
          laneId: TIMELINE_LANE_ID,
          at: written,
          kind: "event",
          text: `card ${written}`,
          authorId: "w",
        });
        written++;
      }
    }, 2);
    await waitFor(() => readBoard(o.doc).cards.length >= 200, {
      what: "watcher to receive 200 cards",
    });
    await server.stop("SIGKILL");
    clearInterval(writing);
    const received = new Set(readBoard(o.doc).cards.map((c) => c.id));
    w.destroy();
    o.destroy();

    const restarted = await startServer({ dataDir: server.dataDir });
    try {
      const check = connectClient(restarted.wsUrl, board.id, watcher.token);
      await synced(check);
      const stored = new Set(readBoard(check.doc).cards.map((c) => c.id));
      const lost = [...received].filter((id) => !stored.has(id));
      expect(lost).toEqual([]);
      expect(received.size).toBeGreaterThanOrEqual(200);
      check.destroy();
    } finally {
      await restarted.stop();
    }
  });

  it("folds the log into a snapshot without changing the document", async () => {
    const server = await startServer({ env: { COMPACT_AFTER_UPDATES: "25" } });
    const board = await createBoard(server.url);
    const s = await join(server.url, board.id, board.keys.facilitator, "F");
    const a = connectClient(server.wsUrl, board.id, s.token);
    await synced(a);
    for (let i = 0; i < 60; i++) {
      addCard(a.doc, {
        laneId: TIMELINE_LANE_ID,
        at: i * 1000,
        kind: "event",
        text: `c${i}`,
        authorId: "f",
      });
    }
    await waitFor(async () => (await metric(server.url, "debrief_compactions_total")) >= 1, {
      what: "a compaction",
    });
    // A few more after the snapshot, so a restart loads snapshot + log.
    for (let i = 60; i < 70; i++) {
      addCard(a.doc, {
        laneId: TIMELINE_LANE_ID,
        at: i * 1000,
        kind: "event",
        text: `c${i}`,
        authorId: "f",
      });
    }
    await waitFor(async () => (await metric(server.url, "debrief_updates_in_total")) >= 71);
    // Everything a restart loads now comes from the snapshot plus a short log.
    await server.stop();
    const restarted = await startServer({ dataDir: server.dataDir });
    try {
      const b = connectClient(restarted.wsUrl, board.id, s.token);
      await synced(b);
      await waitFor(() => readBoard(b.doc).cards.length === 70);
      expect(Y.encodeStateVector(b.doc)).toEqual(Y.encodeStateVector(a.doc));
      expect(readBoard(b.doc)).toEqual(readBoard(a.doc));
      // Byte-identical: a fresh document built from either side encodes the same.
      const fresh = (d: Y.Doc) => {
        const copy = new Y.Doc();
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(d));
        return Y.encodeStateAsUpdate(copy);
      };
      expect(fresh(b.doc)).toEqual(fresh(a.doc));
      b.destroy();
    } finally {
      a.destroy();
      await restarted.stop();
    }
  });

  it("saves and unloads an idle room, and loads it again on the next connection", async () => {
    const server = await startServer({ env: { ROOM_IDLE_MS: "100" } });
    try {
      const board = await createBoard(server.url);
      const s = await join(server.url, board.id, board.keys.facilitator, "F");
      const a = connectClient(server.wsUrl, board.id, s.token);
      await synced(a);
      addCard(a.doc, {
        laneId: TIMELINE_LANE_ID,
        at: 1,
        kind: "event",
        text: "before idle",
        authorId: "f",
      });
      await waitFor(async () => (await metric(server.url, "debrief_updates_in_total")) >= 1);
      a.destroy();
      await waitFor(async () => (await metric(server.url, "debrief_rooms_loaded")) === 0, {
        what: "room unloaded",
      });
      expect(await metric(server.url, "debrief_connections")).toBe(0);
      const b = connectClient(server.wsUrl, board.id, s.token);
      await synced(b);
      expect(readBoard(b.doc).cards.map((c) => c.text)).toEqual(["before idle"]);
      expect(await metric(server.url, "debrief_rooms_loaded")).toBe(1);
      b.destroy();
    } finally {
      await server.stop();
    }
  });

  it("shuts down on SIGTERM: closes sockets with 1001 and loses nothing", async () => {
    const server = await startServer();
    const board = await createBoard(server.url);
    const s = await join(server.url, board.id, board.keys.facilitator, "F");
    const a = connectClient(server.wsUrl, board.id, s.token, { connect: true });
    await synced(a);
    const codes: number[] = [];
    a.provider.on("connection-close", (event: CloseEvent | null) => {
      if (event) codes.push(event.code);
    });
    addCard(a.doc, {
      laneId: TIMELINE_LANE_ID,
      at: 1,
      kind: "event",
      text: "last words",
      authorId: "f",
    });
    await waitFor(async () => (await metric(server.url, "debrief_updates_in_total")) >= 1);
    expect(await server.stop("SIGTERM")).toBe(0);
    await waitFor(() => codes.length > 0, { what: "close event" });
    expect(codes[0]).toBe(1001);
    a.destroy();
    expect(server.logs.some((l) => l.event === "server.stopped")).toBe(true);
    const restarted = await startServer({ dataDir: server.dataDir });
    try {
      const b = connectClient(restarted.wsUrl, board.id, s.token);
      await synced(b);
      expect(readBoard(b.doc).cards.map((c) => c.text)).toEqual(["last words"]);
      b.destroy();
    } finally {
      await restarted.stop();
    }
  });
});
