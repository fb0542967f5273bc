import type { PeerId } from "../servers/peers";
import type { Row } from "../table";
import { type BenchContext, quiet, rotate, type Workload } from "./context";
import { type DriveSummary, measureDrive, summarise } from "./measureDrive";
import { closeMember, type FleetMember, openOneRoomFleet, row } from "./oneRoomFleet";

type Step = { rate: number; s: DriveSummary };

// Below this share of the planned send rate, the generator, not the server, set the pace.
const MIN_SEND_SHARE = 0.95;
// A server still "keeps up" while it delivers everything with p99 under a second; past that
// its queues only grow. A durable server can miss a tight p99 limit on a disk's fsync tail
// long before it runs out of CPU, so both limits are reported.
const KEEP_UP_P99_MS = 1_000;

/**
 * 2. saturation: the relay room again, with the send rate raised step by step (all peers take a
 * turn at each step). The sustained rate is the highest step whose p99 stays within the limit
 * (nothing lost, the generator on schedule); peers keep climbing while they keep up at all, so
 * the table also shows where each one stops coping, and every step's p99.
 */
export const saturation: Workload = {
  id: "saturation",
  async run(ctx: BenchContext) {
    const p = ctx.plan.saturation;
    const members = await openOneRoomFleet(ctx, "saturation", "editor", p.clients);
    const alive = new Set<FleetMember>(members);
    const withinLimit = new Map<PeerId, Step>();
    const keptUp = new Map<PeerId, Step>();
    const stopped = new Map<PeerId, Step & { reason: string }>();
    const p99ByStep = new Map<number, Map<PeerId, number>>();
    // The sustained rate is the last step before the limit is first broken, as issue 8 has it.
    const broken = new Set<PeerId>();
    const retried = new Map<PeerId, number[]>();
    try {
      // A freshly started server compiles its hot paths and loads lazy modules during its first
      // seconds of traffic; that belongs to no step.
      if (!ctx.plan.quick) {
        for (const m of members) {
          ctx.progress(`saturation: warming up ${m.server.peer.label}`);
          await measureDrive(ctx.gen, m.server, {
            groups: [m.group],
            kind: "doc",
            hz: p.stepsHz[0] ?? 1,
            warmupMs: 0,
            measureMs: 3_000,
            drainMs: 2_000,
          });
          await quiet(ctx, m.server);
        }
      }
      for (const [i, hz] of p.stepsHz.entries()) {
        const rate = hz * p.clients;
        const p99s = new Map<PeerId, number>();
        p99ByStep.set(rate, p99s);
        for (const m of rotate([...alive], i)) {
          const id = m.server.peer.id;
          ctx.progress(`saturation: ${m.server.peer.label} at ${rate} updates/s`);
          const step = async () =>
            summarise(
              await measureDrive(ctx.gen, m.server, {
                groups: [m.group],
                kind: "doc",
                hz,
                warmupMs: p.warmupMs,
                measureMs: p.stepMs,
                drainMs: 2_000,
              }),
            );
          let s = await step();
          // A p99 over the limit is confirmed by measuring the step once more, for every peer
          // alike: one 3-second step's p99 is a single GC pause or scheduler hiccup on a
          // shared two-core machine, and the first crossing decides the sustained rate.
          if (!broken.has(id) && s.incomplete === 0 && s.p99 > p.p99LimitMs) {
            ctx.progress(`saturation: ${m.server.peer.label} at ${rate} updates/s, again`);
            await quiet(ctx, m.server);
            s = await step();
            retried.set(id, [...(retried.get(id) ?? []), rate]);
          }
          p99s.set(id, s.p99);
          const onSchedule = s.sentPerSec >= MIN_SEND_SHARE * rate;
          const complete = s.incomplete === 0;
          if (complete && onSchedule && s.p99 <= p.p99LimitMs && !broken.has(id)) {
            withinLimit.set(id, { rate, s });
          } else {
            broken.add(id);
          }
          if (complete && onSchedule && s.p99 <= KEEP_UP_P99_MS) {
            keptUp.set(id, { rate, s });
            await quiet(ctx, m.server);
            continue;
          }
          const reason = !complete
            ? `${s.incomplete} updates lost`
            : !onSchedule
              ? `the generator sent only ${s.sentPerSec.toFixed(0)}/s`
              : `p99 ${s.p99.toFixed(0)} ms`;
          stopped.set(id, { rate, s, reason });
          alive.delete(m);
          await closeMember(ctx, m);
        }
        if (alive.size === 0) break;
      }
    } finally {
      for (const m of alive) await closeMember(ctx, m);
    }
    const top = (p.stepsHz.at(-1) ?? 0) * p.clients;
    const notes = ctx.peers.map((peer) => {
      const f = stopped.get(peer.id);
      return f
        ? `${peer.label}: stopped keeping up at ${f.rate.toLocaleString("en-US")} updates/s (${f.reason}).`
        : `${peer.label}: still keeping up at the top step (${top.toLocaleString("en-US")} updates/s).`;
    });
    for (const peer of ctx.peers) {
      const rates = retried.get(peer.id);
      if (rates) {
        notes.push(
          `${peer.label}: p99 over ${p.p99LimitMs} ms measured again at ${rates.map((r) => r.toLocaleString("en-US")).join(", ")} updates/s (the table shows the repeat).`,
        );
      }
    }
    const nullRelay = keptUp.get("null");
    if (nullRelay) {
      notes.push(
        `The null relay kept up to ${nullRelay.rate.toLocaleString("en-US")} updates/s: a server reaching that rate met the generator's ceiling, not its own.`,
      );
    }
    const stepRows: Row[] = [...p99ByStep].map(([rate, p99s]) => ({
      metric: `p99 at ${rate.toLocaleString("en-US")} updates/s (ms)`,
      better: "lower",
      digits: 0,
      values: Object.fromEntries(p99s),
    }));
    return {
      id: "saturation",
      title: "2. Saturation",
      what: `The relay room (${p.clients} clients), send rate raised ×~1.5 per step (${p.stepsHz[0]}–${p.stepsHz.at(-1)} Hz per client), ${p.stepMs / 1000} s measured per step, peers alternating at each step. Sustained: p99 ≤ ${p.p99LimitMs} ms (a step over it is measured once more before it counts), nothing lost, the generator on schedule. Kept up: the same with p99 < ${KEEP_UP_P99_MS / 1000} s.`,
      rows: [
        row(
          `highest rate with p99 ≤ ${p.p99LimitMs} ms (updates/s in)`,
          "higher",
          0,
          withinLimit,
          (r) => r.rate,
        ),
        row("highest rate kept up (updates/s in)", "higher", 0, keptUp, (r) => r.rate),
        row("updates delivered /s at that rate", "higher", 0, keptUp, (r) => r.s.deliveriesPerSec),
        row("server CPU per update at that rate (µs)", "lower", 0, keptUp, (r) => r.s.cpuUsPerSend),
        row("server CPU at that rate (%)", "info", 0, keptUp, (r) => r.s.serverCpuPct),
        row("server CPU in kernel (%)", "info", 0, keptUp, (r) => r.s.kernelPct),
        row("generator CPU at that rate (%)", "info", 0, keptUp, (r) => r.s.generatorCpuPct),
        row("storage commit at that rate, mean (ms)", "info", 1, keptUp, (r) => r.s.storageMeanMs),
        row(
          "storage commits per update at that rate",
          "info",
          2,
          keptUp,
          (r) => r.s.storageCallsPerUpdate,
        ),
        ...stepRows,
      ],
      notes,
    };
  },
};
