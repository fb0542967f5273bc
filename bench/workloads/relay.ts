import type { BenchContext, Workload } from "./context";
import { measureRounds, openOneRoomFleet, row } from "./oneRoomFleet";

/**
 * 1. relay: one room, 100 clients, each making a small edit (a card moved or a character typed)
 * ten times a second. Latency is from the send until every other client has the update.
 */
export const relay: Workload = {
  id: "relay",
  async run(ctx: BenchContext) {
    const p = ctx.plan.relay;
    const members = await openOneRoomFleet(ctx, "relay", "editor", p.clients);
    const s = await measureRounds(ctx, "relay", members, {
      kind: "doc",
      hz: p.hz,
      rounds: p.rounds,
      warmupMs: p.warmupMs,
      roundMs: p.roundMs,
      drainMs: 3_000,
    });
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
