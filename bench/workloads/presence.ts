import type { BenchContext, Workload } from "./context";
import { measureRounds, openOneRoomFleet, row } from "./oneRoomFleet";

/**
 * 6. presence: one room, 100 clients each moving their pointer (an awareness update with the
 * state Debrief's client publishes) ten times a second. Mostly a question of server CPU.
 */
export const presence: Workload = {
  id: "presence",
  async run(ctx: BenchContext) {
    const p = ctx.plan.presence;
    const members = await openOneRoomFleet(ctx, "presence", "presence", p.clients);
    const s = await measureRounds(ctx, "presence", members, {
      kind: "awareness",
      hz: p.hz,
      rounds: p.rounds,
      warmupMs: p.warmupMs,
      roundMs: p.roundMs,
      drainMs: 2_000,
    });
    return {
      id: "presence",
      title: "6. Presence",
      what: `One room, ${p.clients} clients, each sending its cursor (awareness) ${p.hz}× a second; ${(p.rounds * p.roundMs) / 1000} s measured per peer in ${p.rounds} alternating rounds.`,
      rows: [
        row("server CPU (% of one core)", "lower", 1, s, (r) => r.serverCpuPct),
        row("server CPU per cursor update (µs)", "lower", 0, s, (r) => r.cpuUsPerSend),
        row("server CPU in kernel (%)", "info", 0, s, (r) => r.kernelPct),
        row("p50 latency (ms)", "lower", 1, s, (r) => r.p50),
        row("p99 latency (ms)", "lower", 1, s, (r) => r.p99),
        row(
          "cursor updates delivered /s (update × recipient)",
          "higher",
          0,
          s,
          (r) => r.deliveriesPerSec,
        ),
        row("generator CPU (% of one core)", "info", 1, s, (r) => r.generatorCpuPct),
        row("cursor updates not delivered", "lower", 0, s, (r) => r.incomplete),
      ],
      notes: [],
    };
  },
};
