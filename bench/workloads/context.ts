import type { GeneratorProcess } from "../generatorProcess";
import type { Placement } from "../pinning";
import type { Plan } from "../plan";
import { type PeerServer, startPeer } from "../servers/peerServer";
import type { Peer } from "../servers/peers";

import type { Table } from "../table";

export const WORKLOAD_IDS = [
  "relay",
  "saturation",
  "many-rooms",
  "cold-open",
  "join-storm",
  "presence",
] as const;
export type WorkloadId = (typeof WORKLOAD_IDS)[number];

/** What every workload gets from the orchestrator. */
export type BenchContext = {
  plan: Plan;
  /** The selected peers, Debrief first. */
  peers: Peer[];
  gen: GeneratorProcess;
  placement: Placement;
  /** When set, Debrief's server processes write CPU profiles here. */
  profileDir: string | undefined;
  progress(message: string): void;
};

export type Workload = { id: WorkloadId; run(ctx: BenchContext): Promise<Table> };

/** Starts a peer on the server core; Debrief is profiled when the run asks for it. */
export function launch(ctx: BenchContext, peer: Peer, workload: WorkloadId): Promise<PeerServer> {
  const profile =
    ctx.profileDir && peer.id === "debrief" ? { dir: ctx.profileDir, name: workload } : undefined;
  const { cores, nice } = ctx.placement;
  return startPeer(peer, { core: cores?.server, nice, profile });
}

/** The peers in a different order each round, so none always runs first (or after another). */
export function rotate<T>(items: readonly T[], round: number): T[] {
  const k = round % Math.max(1, items.length);
  return [...items.slice(k), ...items.slice(0, k)];
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * After a peer's turn: wait out its deferred work (Hocuspocus's debounced store, LevelDB's
 * compaction) and any backlog it is still sending, so none of it runs on the server core during
 * the next peer's turn. Quick runs only smoke-test and skip the wait.
 */
export async function quiet(ctx: BenchContext, server: PeerServer): Promise<void> {
  if (ctx.plan.quick) return;
  await sleep(server.peer.settleMs);
  // Idle: under 5% of a core over a quarter second, or give up after 10 s (and say so).
  const deadline = Date.now() + 10_000;
  for (;;) {
    const before = server.proc.cpu();
    await sleep(250);
    const after = server.proc.cpu();
    const busyMs = after.userMs + after.systemMs - before.userMs - before.systemMs;
    if (!(busyMs > 12.5)) return;
    if (Date.now() > deadline) {
      ctx.progress(`${server.peer.label} still busy 10 s after its turn; going on`);
      return;
    }
  }
}
