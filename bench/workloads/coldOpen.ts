import type { PeerId } from "../servers/peers";
import { MB, max, percentile } from "../stats";
import { type BenchContext, launch, type Workload } from "./context";
import { row } from "./oneRoomFleet";
import { seedColdRooms } from "./seedRooms";

type Result = {
  firstStep2: number[];
  complete: number[];
  bytes: number;
  heapAfter: number;
  heapPerBoard: number;
};

/**
 * 4. cold open: boards of 3,000 cards (≈1 MB) in storage, opened one after another by a single
 * client each. "Whole board" is when the client holds every card — a server may answer step 1
 * before it has loaded the document (the reference server does), so a first step 2 alone can
 * flatter. Heap after a full GC, with every board still open.
 */
export const coldOpen: Workload = {
  id: "cold-open",
  async run(ctx: BenchContext) {
    const p = ctx.plan.coldOpen;
    const board = await ctx.gen.call("board", p.board);
    const results = new Map<PeerId, Result>();
    for (const peer of ctx.peers.filter((x) => x.persists)) {
      ctx.progress(`cold open: ${peer.label}`);
      const server = await launch(ctx, peer, "cold-open");
      const groups: string[] = [];
      try {
        const { rooms } = await seedColdRooms(ctx, server, p.boards, p.board, "cold");
        const before = await server.proc.heap();
        const result: Result = {
          firstStep2: [],
          complete: [],
          bytes: 0,
          heapAfter: 0,
          heapPerBoard: 0,
        };
        for (const [i, target] of rooms.entries()) {
          const group = `cold-${peer.id}-${i}`;
          groups.push(group);
          const opened = await ctx.gen.call("open", {
            group,
            rooms: [target],
            perRoom: 1,
            role: "reader",
            board: p.board,
            timeoutMs: 30_000,
          });
          if (opened.failures.length > 0) throw new Error(`${peer.label}: ${opened.failures[0]}`);
          result.firstStep2.push(...opened.firstStep2);
          result.complete.push(...opened.complete);
          result.bytes = opened.syncBytes[0] ?? 0;
        }
        const after = await server.proc.heap();
        result.heapAfter = after.heapUsed + after.external;
        result.heapPerBoard =
          (after.heapUsed + after.external - before.heapUsed - before.external) / p.boards;
        results.set(peer.id, result);
      } finally {
        for (const group of groups) await ctx.gen.call("close", { group });
        await server.stop();
      }
    }
    return {
      id: "cold-open",
      title: "4. Cold open",
      what: `${p.boards} boards of ${p.board.cards.toLocaleString("en-US")} cards (${(board.bytes / MB).toFixed(2)} MB of cards) in storage, the server freshly restarted; each opened by one client, one after another.`,
      rows: [
        row("first sync step 2, median (ms)", "lower", 1, results, (r) =>
          percentile(r.firstStep2, 50),
        ),
        row("whole board received, median (ms)", "lower", 1, results, (r) =>
          percentile(r.complete, 50),
        ),
        row("whole board received, slowest (ms)", "lower", 1, results, (r) => max(r.complete)),
        row("bytes sent to sync (MB)", "info", 2, results, (r) => r.bytes / MB),
        row("heap per open board (MB)", "lower", 2, results, (r) => r.heapPerBoard / MB),
        row("heap afterwards (MB)", "lower", 1, results, (r) => r.heapAfter / MB),
      ],
      notes: ["The null relay keeps no documents and is left out."],
    };
  },
};
