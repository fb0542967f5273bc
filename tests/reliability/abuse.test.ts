import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebSocket } from "ws";
import { createBoard, join } from "../support/api";
import { metric } from "../support/metrics";
import { authProtocols, closed, openRaw } from "../support/rawSocket";
import { type ServerHandle, startServer } from "../support/serverProcess";
import { type Client, connectClient, synced } from "../support/syncClient";
import { waitFor } from "../support/waitFor";
import { startAttacker } from "./support/attackerProcess";
import { watchEventLoop } from "./support/eventLoop";
import { figure, P99_RISE_LIMIT, scaled } from "./support/figures";
import { createLatencyProbes, reportRise, sampleQuietAndAttacked } from "./support/latency";

const RATE = 300; // RATE_PER_SECOND default: the most messages a connection may send
const WRITE_RATE = 50; // WRITE_RATE_PER_SECOND default: of those, updates
const WRITE_BURST = 300; // WRITE_BURST default
const PER_ROOM = 10;
const PER_ADDRESS = 40;
// Rounds of two quiet windows and a flood window, SAMPLES round trips each; the soak takes more
// rounds of the same short windows, each opening with the flooder's refilled burst (see
// hostileUpdates.test.ts).
const ROUNDS = scaled(6, 100);
const SAMPLES = 60;
// Users in quiet rooms of their own, each SAMPLES round trips per window (createLatencyProbes).
const PROBES = 5;
let server: ServerHandle;

beforeAll(async () => {
  server = await startServer({
    env: {
      MAX_CONNECTIONS_PER_ROOM: String(PER_ROOM),
      MAX_CONNECTIONS_PER_ADDRESS: String(PER_ADDRESS),
      SESSION_RATE_PER_MINUTE: "1000",
    },
  });
});

afterAll(async () => {
  await server.stop();
});

/**
 * A hostile client at ten times the allowed rate, in a process of its own (see flooder.ts).
 * Returns how each of its connections ended, and the refusals it met before the upgrade.
 */
function startFlood(roomUrl: string, token: string) {
  const ends: Array<{ code: number; sent: number }> = [];
  const refusals: number[] = [];
  const flooder = startAttacker<{ open?: boolean; code?: number; sent?: number; refused?: number }>(
    "flooder.ts",
    [roomUrl, token, String(10 * RATE)],
    (event) => {
      if (event.open) return;
      if (event.refused) refusals.push(event.refused);
      else ends.push({ code: event.code ?? 0, sent: event.sent ?? 0 });
    },
    (event) => event.open === true,
  );
  return { ends, refusals, flooding: flooder.started, stop: flooder.stop };
}

describe("abuse from one client or one address", () => {
  it("refuses sockets past the per-address limit with 4429 and keeps the others", async () => {
    // Rooms of several boards, so no room fills up before the address does.
    const rooms: Array<{ room: string; token: string }> = [];
    for (let b = 0; b < 3; b++) {
      const board = await createBoard(server.url);
      const token = (await join(server.url, board.id, board.keys.observer, "O")).token;
      rooms.push({ room: board.id, token }, { room: `${board.id}/meeting`, token });
    }
    const already = await metric(server.url, "debrief_connections");
    const open: WebSocket[] = [];
    let refusedCode = 0;
    let opened = 0;
    try {
      for (let i = 0; i < PER_ADDRESS + 5 && refusedCode === 0; i++) {
        const { room, token } = rooms[i % rooms.length]!;
        const raw = await openRaw(`${server.wsUrl}/${room}`, authProtocols(token));
        if (raw.refused) throw new Error(`refused ${raw.status}`);
        const code = await Promise.race([
          closed(raw.ws).then((c) => c.code),
          new Promise<number>((r) => setTimeout(() => r(0), 300)),
        ]);
        if (code !== 0) refusedCode = code;
        else {
          opened++;
          open.push(raw.ws);
        }
      }
      const stillOpen = open.filter((ws) => ws.readyState === ws.OPEN).length;
      figure("address_limit", PER_ADDRESS);
      figure("address_sockets_opened_before_refusal", opened + already);
      figure("address_refusal_close_code", refusedCode);
      figure("address_earlier_sockets_still_open", `${stillOpen}/${opened}`);
      expect(opened + already).toBe(PER_ADDRESS);
      expect(refusedCode).toBe(4429);
      expect(stillOpen).toBe(opened);
    } finally {
      for (const ws of open) ws.close();
      await waitFor(async () => (await metric(server.url, "debrief_connections")) === already);
    }
  });

  it("refuses only the newcomer when a room is full", async () => {
    const board = await createBoard(server.url);
    const members: Client[] = [];
    for (let i = 0; i < PER_ROOM; i++) {
      const s = await join(server.url, board.id, board.keys.participant, `M${i}`);
      members.push(connectClient(server.wsUrl, board.id, s.token));
    }
    const late = await join(server.url, board.id, board.keys.participant, "Late");
    const newcomer = connectClient(server.wsUrl, board.id, late.token);
    let gaveUp: { code: number } | undefined;
    newcomer.provider.on("closed", (e: { code: number }) => {
      gaveUp = e;
    });
    try {
      await Promise.all(members.map((m) => synced(m)));
      await waitFor(() => gaveUp, { what: "the newcomer to be refused" });
      members[0]!.doc.getMap("board").set("ping", "still here");
      await waitFor(() => members.every((m) => m.doc.getMap("board").get("ping") === "still here"));
      const connected = members.filter((m) => m.provider.wsconnected).length;
      figure("room_limit", PER_ROOM);
      figure("room_full_newcomer_close_code", gaveUp!.code);
      figure("room_full_members_still_connected", `${connected}/${PER_ROOM}`);
      figure("room_full_newcomer_got_document", newcomer.provider.synced ? 1 : 0);
      expect(gaveUp!.code).toBe(4429);
      expect(connected).toBe(PER_ROOM);
      expect(newcomer.provider.synced).toBe(false);
    } finally {
      newcomer.destroy();
      for (const m of members) m.destroy();
    }
  });

  it(
    "closes a client flooding at 10× the rate at the threshold, and never stalls the others",
    async () => {
      const loud = await createBoard(server.url, { title: "Loud" });
      const flooder = (await join(server.url, loud.id, loud.keys.participant, "F")).token;
      const probe = await createLatencyProbes(server, PROBES);
      try {
        await probe.sample(20); // warm-up
        const watch = await watchEventLoop(server.url);
        const ends: Array<{ code: number; sent: number }> = [];
        const refusals: number[] = [];
        let floodSeconds = 0;
        let firstFlood: number | undefined;
        let lastFloodEnd = 0;
        const acceptedBefore = await metric(server.url, "debrief_updates_in_total");
        const windows = await sampleQuietAndAttacked(probe, ROUNDS, SAMPLES, async (sample) => {
          const flood = startFlood(`${server.wsUrl}/${loud.id}`, flooder);
          const started = performance.now();
          firstFlood ??= started;
          let samples: number[];
          try {
            await flood.flooding;
            samples = await sample();
          } finally {
            await flood.stop();
          }
          lastFloodEnd = performance.now();
          floodSeconds += (lastFloodEnd - started) / 1000;
          ends.push(...flood.ends);
          refusals.push(...flood.refusals);
          return samples;
        });
        // Everything the server stored in the meantime, less the probe's own writes.
        const accepted =
          (await metric(server.url, "debrief_updates_in_total")) -
          acceptedBefore -
          ROUNDS * 3 * SAMPLES * PROBES;
        const stallMs = await watch.stop();
        const closedAtThreshold = ends.filter((e) => e.code === 1008);
        figure("flood_rate_per_second", 10 * RATE);
        figure("flood_connections_closed_1008", `${closedAtThreshold.length}/${ends.length}`);
        const codes = new Map<number, number>();
        for (const e of ends) codes.set(e.code, (codes.get(e.code) ?? 0) + 1);
        figure("flood_close_codes", [...codes].map(([c, n]) => `${c}x${n}`).join(" "));
        figure("flood_first_connection_frames_sent", ends[0]?.sent ?? 0);
        figure(
          "flood_reconnects_refused_429_before_upgrade",
          refusals.filter((r) => r === 429).length,
        );
        figure("flood_accepted_per_second", accepted / floodSeconds);
        const rise = reportRise("flood", windows);
        figure("flood_server_event_loop_max_stall_ms", Math.round(stallMs));
        expect(ends.length).toBeGreaterThan(0);
        expect(closedAtThreshold.length).toBe(ends.length);
        expect(refusals.every((r) => r === 429)).toBe(true);
        // Not before the write burst is spent: the limit is where it is documented to be.
        expect(ends[0]!.sent).toBeGreaterThanOrEqual(WRITE_BURST);
        // Reconnecting does not refill the budget: it refills with time only, the quiet
        // baseline windows between floods included, so at most WRITE_RATE per second since the
        // first flood began, plus one burst.
        const budgetSeconds = (lastFloodEnd - (firstFlood ?? lastFloodEnd)) / 1000;
        figure("flood_budget_window_seconds", budgetSeconds);
        expect(accepted).toBeLessThanOrEqual(WRITE_BURST + WRITE_RATE * budgetSeconds * 1.1);
        // A guard against the seconds-long stalls of an fsync on the event loop (what the
        // storage worker fixed). Alone on 2 cores the figure is 25-50 ms; beside the rest of
        // the suite the machine itself adds hundreds (docs/reliability.md).
        expect(stallMs).toBeLessThan(1000);
        // Others' p99: under 10 % in the soak, under twice the baseline in CI (P99_RISE_LIMIT).
        expect(rise).toBeLessThan(P99_RISE_LIMIT);
      } finally {
        probe.destroy();
      }
    },
    scaled(240_000, 1_500_000),
  );
});
