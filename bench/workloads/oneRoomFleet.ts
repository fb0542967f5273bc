import type { ClientRole } from "../generatorApi";
import type { PeerServer } from "../servers/peerServer";
import type { PeerId } from "../servers/peers";
import type { Row } from "../table";
import { type BenchContext, launch, quiet, rotate, type WorkloadId } from "./context";
import {
  type DriveSummary,
  type DriveTotals,
  emptyTotals,
  measureDrive,
  summarise,
} from "./measureDrive";

export type FleetMember = { server: PeerServer; group: string };

/**
 * Every selected peer running at once, each with one room full of clients, so the workload can
 * take turns between them (idle servers cost nothing; their sockets stay open).
 */
export async function openOneRoomFleet(
  ctx: BenchContext,
  workload: WorkloadId,
  role: ClientRole,
  clients: number,
): Promise<FleetMember[]> {
  // Started together: they only idle until their turn, and startup is most of a quick run.
  const started = await Promise.allSettled(ctx.peers.map((peer) => launch(ctx, peer, workload)));
  const members: FleetMember[] = [];
  for (const [i, s] of started.entries()) {
    if (s.status === "fulfilled") {
      members.push({ server: s.value, group: `${workload}-${ctx.peers[i]?.id}` });
    }
  }
  try {
    const failed = started.find((s) => s.status === "rejected");
    if (failed) throw failed.reason;
    for (const { server, group } of members) {
      const rooms = await server.rooms(1, workload);
      const opened = await ctx.gen.call("open", {
        group,
        rooms,
        perRoom: clients,
        role,
        timeoutMs: 30_000,
      });
      if (opened.failures.length > 0) {
        throw new Error(`${server.peer.label}: ${opened.failures.slice(0, 3).join("; ")}`);
      }
    }
  } catch (error) {
    for (const m of members) await closeMember(ctx, m);
    throw error;
  }
  return members;
}

export async function closeMember(ctx: BenchContext, member: FleetMember): Promise<void> {
  await ctx.gen.call("close", { group: member.group });
  await member.server.stop();
}

/** A table row from one number per peer. */
export function row<T>(
  metric: string,
  better: Row["better"],
  digits: number,
  results: Map<PeerId, T>,
  pick: (r: T) => number,
): Row {
  const values: Row["values"] = {};
  for (const [peer, r] of results) values[peer] = pick(r);
  return { metric, better, digits, values };
}

/**
 * Drives the fleet in alternating rounds — every peer takes its turn in each round, so a slow
 * spell of the machine hits them alike — then closes it; returns each peer's summary.
 */
export async function measureRounds(
  ctx: BenchContext,
  label: string,
  members: FleetMember[],
  drive: {
    kind: "doc" | "awareness";
    hz: number;
    rounds: number;
    warmupMs: number;
    roundMs: number;
    drainMs: number;
  },
): Promise<Map<PeerId, DriveSummary>> {
  const totals = new Map<PeerId, DriveTotals>();
  try {
    for (let round = 0; round < drive.rounds; round++) {
      for (const m of rotate(members, round)) {
        ctx.progress(`${label}: ${m.server.peer.label}, round ${round + 1}/${drive.rounds}`);
        const t = totals.get(m.server.peer.id) ?? emptyTotals();
        totals.set(m.server.peer.id, t);
        await measureDrive(
          ctx.gen,
          m.server,
          {
            groups: [m.group],
            kind: drive.kind,
            hz: drive.hz,
            warmupMs: drive.warmupMs,
            measureMs: drive.roundMs,
            drainMs: drive.drainMs,
          },
          t,
        );
        await quiet(ctx, m.server);
      }
    }
  } finally {
    for (const m of members) await closeMember(ctx, m);
  }
  return new Map([...totals].map(([id, t]) => [id, summarise(t)]));
}
