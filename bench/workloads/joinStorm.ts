import type { PeerId } from "../servers/peers";
import { cpuSince, readCpu } from "../servers/procStats";
import { MB, max, percentile } from "../stats";
import { type BenchContext, launch, type Workload } from "./context";
import { row } from "./oneRoomFleet";
import { seedColdRooms } from "./seedRooms";

type Result = {
  complete: number[];
  serverCpuMs: number;
  generatorCpuMs: number;
  failures: number;
  peakRss: number;
  rssBefore: number;
  heapAfter: number;
};

/**
 * 5. join storm: 150 clients open a 4 MB board at the same moment (after a restart, so the
 * first of them also pays for loading it). Time until each holds the whole board; the server's
 * peak resident memory (VmHWM) over the storm.
 */
export const joinStorm: Workload = {
  id: "join-storm",
  async run(ctx: BenchContext) {
    const p = ctx.plan.joinStorm;
    const board = await ctx.gen.call("board", p.board);
    const results = new Map<PeerId, Result>();
    for (const peer of ctx.peers.filter((x) => x.persists)) {
      ctx.progress(`join storm: ${peer.label}`);
      const server = await launch(ctx, peer, "join-storm");
      const group = `storm-${peer.id}`;
      try {
        const { rooms } = await seedColdRooms(ctx, server, 1, p.board, "storm");
        const rssBefore = server.proc.rss().rss;
        const serverCpu = server.proc.cpu();
        const genCpu = readCpu(ctx.gen.pid);
        const opened = await ctx.gen.call("open", {
          group,
          rooms,
          perRoom: p.clients,
          role: "reader",
          board: p.board,
          timeoutMs: 120_000,
        });
        const peakRss = server.proc.rss().peak;
        const serverSpent = cpuSince(server.proc.pid, serverCpu);
        const genSpent = cpuSince(ctx.gen.pid, genCpu);
        const heap = await server.proc.heap();
        results.set(peer.id, {
          complete: opened.complete,
          serverCpuMs: serverSpent.userMs + serverSpent.systemMs,
          generatorCpuMs: genSpent.userMs + genSpent.systemMs,
          failures: opened.complete.filter((t) => Number.isNaN(t)).length,
          peakRss,
          rssBefore,
          heapAfter: heap.heapUsed + heap.external,
        });
      } finally {
        await ctx.gen.call("close", { group });
        await server.stop();
      }
    }
    return {
      id: "join-storm",
      title: "5. Join storm",
      what: `${p.clients} clients open one board of ${p.board.cards.toLocaleString("en-US")} cards (${(board.bytes / MB).toFixed(1)} MB) at the same moment, the server freshly restarted (the board is in storage only).`,
      rows: [
        row("time to whole board, p50 (ms)", "lower", 0, results, (r) =>
          percentile(r.complete, 50),
        ),
        row("time to whole board, p99 (ms)", "lower", 0, results, (r) =>
          percentile(r.complete, 99),
        ),
        row("time to whole board, slowest (ms)", "lower", 0, results, (r) => max(r.complete)),
        row("peak RSS (MB)", "lower", 0, results, (r) => r.peakRss / MB),
        row("RSS before the storm (MB)", "info", 0, results, (r) => r.rssBefore / MB),
        row("heap afterwards (MB)", "lower", 1, results, (r) => r.heapAfter / MB),
        row("server CPU over the storm (s)", "lower", 1, results, (r) => r.serverCpuMs / 1000),
        row("generator CPU over the storm (s)", "info", 1, results, (r) => r.generatorCpuMs / 1000),
        row("clients that failed", "lower", 0, results, (r) => r.failures),
      ],
      notes: [
        "Clients do not apply the 4 MB to a Y.Doc (150 of them would measure the generator); they check that the clock ranges received cover the whole board.",
        "The null relay keeps no documents and is left out.",
      ],
    };
  },
};
