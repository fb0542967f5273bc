import type { PeerId } from "../servers/peers";
import { type BenchContext, quiet, rotate, type Workload } from "./context";
import { type DriveTotals, emptyTotals, measureDrive, summarise } from "./measureDrive";
import { closeMember, openOneRoomFleet, row } from "./oneRoomFleet";

/**
 * 1. relay: one room, 100 clients, each making a small edit (a card moved or a character typed)
 * ten times a second. Latency is from the send until every other client has the update.
 */
export const relay: Workload = {
  id: "relay",
  async run(ctx: BenchContext) {
    const p = ctx.plan.relay;
    const members = await openOneRoomFleet(ctx, "relay", "editor", p.clients);
    const totals = new Map<PeerId, DriveTotals>();
    try {
      for (let round = 0; round < p.rounds; round++) {
        for (const m of rotate(members, round)) {
          ctx.progress(`relay: ${m.server.peer.label}, round ${round + 1}/${p.rounds}`);
          const t = totals.get(m.server.peer.id) ?? emptyTotals();
          totals.set(m.server.peer.id, t);
          await measureDrive(
            ctx.gen,
            m.server,
            {
              groups: [m.group],
              kind: "doc",
              hz: p.hz,
              warmupMs: p.warmupMs,
              measureMs: p.roundMs,
              drainMs: 3_000,
            },
            t,
          );
          await quiet(ctx, m.server);
        }
      }
    } finally {
      for (const m of members) await closeMember(ctx, m);
    }
    const s = new Map([...totals].map(([id, t]) => [id, summarise(t)]));
    return {
      id: "relay",
      title: "1. Relay",
      what: `One room, ${p.clients} clients, each sending a small edit (card moved / character typed) ${p.hz}× a second; ${(p.rounds * p.roundMs) / 1000} s measured per peer in ${p.rounds} alternating rounds. Latency: send → every other client has it.`,
      rows: [
        row("p50 latency (ms)", "lower", 1, s, (r) => r.p50),
        row("p99 latency (ms)", "lower", 1, s, (r) => r.p99),
        row("max latency (ms)", "lower", 1, s, (r) => r.max),
        row("updates/s in", "info", 0, s, (r) => r.sentPerSec),
        row("updates delivered /s (update × recipient)", "higher", 0, s, (r) => r.deliveriesPerSec),
        row("server CPU (% of one core)", "lower", 1, s, (r) => r.serverCpuPct),
        row("server CPU per update (µs)", "lower", 0, s, (r) => r.cpuUsPerSend),
        row("server CPU in kernel (%)", "info", 0, s, (r) => r.kernelPct),
        row("generator CPU (% of one core)", "info", 1, s, (r) => r.generatorCpuPct),
        row("updates never delivered", "lower", 0, s, (r) => r.incomplete),
        row("storage commit, mean (ms)", "info", 1, s, (r) => r.storageMeanMs),
        row("storage commits per update", "info", 2, s, (r) => r.storageCallsPerUpdate),
      ],
      notes: [],
    };
  },
};
