import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBoard, join } from "../support/api";
import { anchorText, gapUpdate, sameSpotUpdates } from "../support/conflictAttacks";
import { metric } from "../support/metrics";
import { type ServerHandle, startServer } from "../support/serverProcess";
import { connectClient, synced } from "../support/syncClient";
import { waitFor } from "../support/waitFor";
import { startAttacker } from "./support/attackerProcess";
import { watchEventLoop } from "./support/eventLoop";
import { figure, P99_RISE_LIMIT, percentile, scaled } from "./support/figures";
import { updateFrame } from "./support/frames";
import { deepUpdate, hostileAttacks } from "./support/hostileFrames";
import {
  createLatencyProbe,
  createLatencyProbes,
  reportRise,
  sampleQuietAndAttacked,
} from "./support/latency";
import { sendOnFreshSocket } from "./support/sendFrame";

// Rounds of two quiet windows and an attack window, SAMPLES round trips each. The soak keeps
// the CI run's short windows and takes more of them: the attacker rests in the quiet windows,
// so each attack window opens with what its refilled budgets let in, and a longer window
// would dilute that opening, the harder case (30 000 round trips of each kind either way).
// CI takes 12 rounds, not 6: with new content in every attack (+32 % in the soak), 6 rounds
// read anywhere from +15 to +73 %, too near the 2x that CI asserts.
const ROUNDS = scaled(12, 120);
const SAMPLES = 50;
// Users in quiet rooms of their own, each SAMPLES round trips per window (createLatencyProbes).
const PROBES = 5;
// Round trips while the conflict attack runs (about five seconds), and before it.
const CONFLICT_SAMPLES = scaled(150, 1000);

type AttackEvent = { name: string; code?: number; closeMs?: number; refused?: string };
let server: ServerHandle;

beforeAll(async () => {
  // The attacked board takes in eight thousand new structs an attack: over the soak that is
  // more than MAX_DOC_STRUCTS, which would turn the attack into cheap refusals.
  server = await startServer({ env: { MAX_DOC_STRUCTS: "10000000" } });
});

afterAll(async () => {
  await server.stop();
});

describe("updates that claim a huge number of structs or nest deeply", () => {
  it(
    "refuses or handles each within a bounded time while another room's latency holds",
    async () => {
      const attacked = await createBoard(server.url, { title: "Attacked" });
      const attacker = (await join(server.url, attacked.id, attacked.keys.participant, "M")).token;
      const probe = await createLatencyProbes(server, PROBES);
      const roomUrl = `${server.wsUrl}/${attacked.id}`;
      const attacks = hostileAttacks();
      try {
        await probe.sample(20); // warm-up
        const watch = await watchEventLoop(server.url);
        const outcomes = new Map<string, { codes: Set<number>; maxCloseMs: number }>();
        const refusals: string[] = [];
        const onServer = startAttacker<AttackEvent>(
          "hostileAttacker.ts",
          [roomUrl, attacker],
          (event) => {
            if (event.refused) {
              refusals.push(event.refused);
              return;
            }
            const o = outcomes.get(event.name) ?? { codes: new Set<number>(), maxCloseMs: 0 };
            o.codes.add(event.code ?? 0);
            o.maxCloseMs = Math.max(o.maxCloseMs, event.closeMs ?? 0);
            outcomes.set(event.name, o);
          },
        );
        let windows: Awaited<ReturnType<typeof sampleQuietAndAttacked>>;
        try {
          await onServer.started;
          onServer.pause();
          windows = await sampleQuietAndAttacked(probe, ROUNDS, SAMPLES, async (sample) => {
            onServer.resume();
            const samples = await sample();
            onServer.pause();
            return samples;
          });
          // Every attack has been sent at least once, however slow the machine.
          onServer.resume();
          await waitFor(() => attacks.every((a) => outcomes.has(a.name)), {
            timeoutMs: 60_000,
            what: "every attack sent",
          });
        } finally {
          await onServer.stop();
        }
        const stallMs = await watch.stop();

        // A 5 000-deep tree is within the limits: accepted, stored and loadable. (From another
        // session: the attacker's budget is spent, which is the point of it.)
        const builder = (await join(server.url, attacked.id, attacked.keys.participant, "B")).token;
        const deepOk = await sendOnFreshSocket(
          roomUrl,
          builder,
          [updateFrame(deepUpdate(5_000))],
          1500,
        );
        const reader = connectClient(server.wsUrl, attacked.id, builder);
        await synced(reader);
        const deepStored = reader.doc.getXmlFragment("deep").length === 1;
        reader.destroy();

        for (const { name, expectedCodes } of attacks) {
          const o = outcomes.get(name)!;
          const slug = name.replace(/[^a-z0-9]+/gi, "_").toLowerCase();
          figure(`hostile_${slug}_close_codes`, [...o.codes].join(" "));
          figure(`hostile_${slug}_max_close_ms`, Math.round(o.maxCloseMs));
          expect([...o.codes], name).toEqual(expectedCodes);
        }
        figure("hostile_deep_5000_accepted", deepOk.code === 0 && deepStored ? 1 : 0);
        figure("hostile_upgrades_refused", refusals.length);
        const rise = reportRise("hostile_other_room", windows);
        figure("hostile_event_loop_max_stall_ms", Math.round(stallMs));
        expect(deepOk.code).toBe(0);
        expect(deepStored).toBe(true);
        for (const o of outcomes.values()) expect(o.maxCloseMs).toBeLessThan(2000);
        // Alone this stays under 100 ms; beside other suites on two cores it has reached 260.
        expect(stallMs).toBeLessThan(1000);
        // Other rooms unaffected: under 10 % in the soak, under twice the baseline in CI
        // (P99_RISE_LIMIT); before the work on a refused update was charged, the p99 more than
        // doubled (8.9 -> 22.9 ms in this harness).
        expect(rise).toBeLessThan(P99_RISE_LIMIT);
      } finally {
        probe.destroy();
      }
    },
    scaled(180_000, 1_500_000),
  );

  it(
    "counts what placing an update's items will cost before storing it, and refuses what the sender cannot pay",
    async () => {
      const board = await createBoard(server.url, { title: "Conflicts" });
      const quiet = await createBoard(server.url, { title: "Quiet too" });
      const roomUrl = `${server.wsUrl}/${board.id}`;
      const session = async (name: string) =>
        (await join(server.url, board.id, board.keys.participant, name)).token;
      const user = (await join(server.url, quiet.id, quiet.keys.participant, "U")).token;
      const probe = await createLatencyProbe(server.wsUrl, quiet.id, user);
      try {
        const seeded = await sendOnFreshSocket(roomUrl, await session("S"), [
          updateFrame(anchorText()),
        ]);
        expect(seeded.code).toBe(0);
        const watch = await watchEventLoop(server.url);
        const baseline = await probe.sample(CONFLICT_SAMPLES);
        const stepsBefore = await metric(server.url, "debrief_conflict_steps_total");
        const started = performance.now();
        const underAttack = probe.sample(CONFLICT_SAMPLES);

        // One update of 4 000 structs (within MAX_UPDATE_STRUCTS) that claims gaps it fills
        // itself: about 2 million steps, far more than a full budget could ever pay.
        const GAP_CLIENT = 7_000_000;
        const gap = await sendOnFreshSocket(
          roomUrl,
          await session("G"),
          [updateFrame(gapUpdate(GAP_CLIENT, 2_000))],
          3_000,
        );

        // 300 items a time at one spot from rising client ids: each update passes all the
        // earlier ones. Each is retried (on a new socket, after any 429) until it is taken
        // or refused for good.
        const spot = await session("P");
        const codes: number[] = [];
        let refusedBeforeUpgrade = 0;
        let accepted = 0;
        const deadline = performance.now() + scaled(40_000, 120_000);
        attack: for (const update of sameSpotUpdates(100, 300 * 12, 300)) {
          for (;;) {
            if (performance.now() > deadline) break attack;
            let code: number;
            try {
              code = (await sendOnFreshSocket(roomUrl, spot, [updateFrame(update)], 400)).code;
            } catch {
              refusedBeforeUpgrade++;
              await new Promise((r) => setTimeout(r, 200));
              continue;
            }
            codes.push(code);
            if (code === 0) accepted++;
            if (code === 0) break;
            if (code === 4413) break attack;
          }
        }
        const attackSeconds = (performance.now() - started) / 1000;
        const attacked = await underAttack;
        const stallMs = await watch.stop();
        const steps = (await metric(server.url, "debrief_conflict_steps_total")) - stepsBefore;

        const reader = connectClient(server.wsUrl, board.id, await session("R"));
        await synced(reader);
        const textLength = reader.doc.getText("t").length;
        const gapStored = reader.doc.store.clients.has(GAP_CLIENT);
        reader.destroy();

        figure("conflict_gap_update_close_code", gap.code);
        figure("conflict_gap_update_close_ms", Math.round(gap.closeMs));
        figure("conflict_same_spot_updates_accepted", accepted);
        figure("conflict_same_spot_close_codes", codes.filter((c) => c !== 0).join(" ") || "none");
        figure("conflict_same_spot_refused_before_upgrade", refusedBeforeUpgrade);
        figure("conflict_steps_accepted", steps);
        figure("conflict_attack_seconds", attackSeconds.toFixed(1));
        figure("conflict_other_room_p99_baseline_ms", percentile(baseline, 99));
        figure("conflict_other_room_p99_under_attack_ms", percentile(attacked, 99));
        figure("conflict_event_loop_max_stall_ms", Math.round(stallMs));

        expect(gap.code).toBe(4413);
        expect(gapStored).toBe(false);
        // The spot fills, with waits, until one update alone would cost more than a full
        // budget; an update that fits a full budget gets in once the session has saved it up.
        expect(codes.at(-1)).toBe(4413);
        // Whether the third waits (1008, then 429s) depends on how fast the client comes back.
        expect(codes.filter((c) => c !== 0 && c !== 1008 && c !== 4413)).toEqual([]);
        expect(accepted).toBe(3);
        expect(textLength).toBe(2 + 300 * accepted);
        // What got in was paid for (one full budget, 250 000, and 50 000 steps a second after),
        // and counted: 300 items passing 300, then 300 passing 600.
        expect(steps).toBeLessThanOrEqual(250_000 + 50_000 * attackSeconds);
        expect(steps).toBeGreaterThanOrEqual(300 * 300 + 300 * 600);
        expect(stallMs).toBeLessThan(1_000);
      } finally {
        probe.destroy();
      }
    },
    scaled(120_000, 600_000),
  );
});
