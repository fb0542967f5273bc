import type { PeerServer } from "../servers/peerServer";
import type { PeerId } from "../servers/peers";
import type { HeapReading } from "../servers/serverProcess";
import { KB } from "../stats";
import { type BenchContext, launch, type Workload } from "./context";
import { type DriveSummary, measureDrive, summarise } from "./measureDrive";
import { row } from "./oneRoomFleet";

type Result = {
  heapPerRoom: number;
  heapPerConnection: number;
  rssPerRoom: number;
  rssPerConnection: number;
  drive: DriveSummary;
};

const heapOf = (m: HeapReading) => m.heapUsed + m.external;

/**
 * 3. many rooms: 200 rooms × 10 clients. Memory is read after a full GC at three points —
 * nothing open, one client in every room, all ten in every room — so the cost of an idle room
 * and of a connection come apart. Then every client edits once a second for the latency.
 * Peers run one after the other: 2,000 sockets each are too many to keep four sets open.
 */
export const manyRooms: Workload = {
  id: "many-rooms",
  async run(ctx: BenchContext) {
    const p = ctx.plan.manyRooms;
    const results = new Map<PeerId, Result>();
    for (const peer of ctx.peers) {
      ctx.progress(`many rooms: ${peer.label}`);
      const server: PeerServer = await launch(ctx, peer, "many-rooms");
      try {
        const rooms = await server.rooms(p.rooms, "many");
        // Debrief made its boards through the API: restart so every room starts in storage only.
        if (peer.roomsStayLoaded) await server.restart();
        const read = async () => ({
          heap: heapOf(await server.proc.heap()),
          rss: server.proc.rss().rss,
        });
        const empty = await read();
        const open = async (group: string, perRoom: number) => {
          const opened = await ctx.gen.call("open", {
            group,
            rooms,
            perRoom,
            roomSize: p.perRoom,
            role: "editor",
            timeoutMs: 60_000,
          });
          if (opened.failures.length > 0) {
            throw new Error(`${peer.label}: ${opened.failures.slice(0, 3).join("; ")}`);
          }
        };
        await open(`many-first-${peer.id}`, 1);
        const oneEach = await read();
        await open(`many-rest-${peer.id}`, p.perRoom - 1);
        const full = await read();
        const connections = p.rooms * (p.perRoom - 1);
        const perConnHeap = (full.heap - oneEach.heap) / connections;
        const perConnRss = (full.rss - oneEach.rss) / connections;
        const totals = await measureDrive(ctx.gen, server, {
          groups: [`many-first-${peer.id}`, `many-rest-${peer.id}`],
          kind: "doc",
          hz: p.hz,
          warmupMs: p.warmupMs,
          measureMs: p.measureMs,
          drainMs: 3_000,
        });
        results.set(peer.id, {
          heapPerConnection: perConnHeap,
          rssPerConnection: perConnRss,
          heapPerRoom: (oneEach.heap - empty.heap) / p.rooms - perConnHeap,
          rssPerRoom: (oneEach.rss - empty.rss) / p.rooms - perConnRss,
          drive: summarise(totals),
        });
      } finally {
        await ctx.gen.call("close", { group: `many-first-${peer.id}` });
        await ctx.gen.call("close", { group: `many-rest-${peer.id}` });
        await server.stop();
      }
    }
    return {
      id: "many-rooms",
      title: "3. Many rooms",
      what: `${p.rooms} rooms × ${p.perRoom} clients (${p.rooms * p.perRoom} connections), rooms loaded from storage. Memory after a full GC (V8 heap + external). Then every client edits ${p.hz}× a second for ${p.measureMs / 1000} s.`,
      rows: [
        row("heap per idle room (KB)", "lower", 1, results, (r) => r.heapPerRoom / KB),
        row("heap per connection (KB)", "lower", 1, results, (r) => r.heapPerConnection / KB),
        row("RSS per idle room (KB)", "lower", 1, results, (r) => r.rssPerRoom / KB),
        row("RSS per connection (KB)", "lower", 1, results, (r) => r.rssPerConnection / KB),
        row("p50 latency (ms)", "lower", 1, results, (r) => r.drive.p50),
        row("p99 latency (ms)", "lower", 1, results, (r) => r.drive.p99),
        row("updates/s in", "info", 0, results, (r) => r.drive.sentPerSec),
        row("server CPU (% of one core)", "lower", 1, results, (r) => r.drive.serverCpuPct),
        row("server CPU per update (µs)", "lower", 0, results, (r) => r.drive.cpuUsPerSend),
        row("generator CPU (% of one core)", "info", 1, results, (r) => r.drive.generatorCpuPct),
        row("updates never delivered", "lower", 0, results, (r) => r.drive.incomplete),
        row("storage commit, mean (ms)", "info", 1, results, (r) => r.drive.storageMeanMs),
        row("storage commits per update", "info", 2, results, (r) => r.drive.storageCallsPerUpdate),
      ],
      notes: [
        "Debrief's rooms are real boards (title, timeline lane, meeting script) loaded from SQLite; the peers' rooms start empty.",
      ],
    };
  },
};
