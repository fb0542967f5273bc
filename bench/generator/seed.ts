import type { SeedArgs, SeedResult } from "../generatorApi";
import { BenchClient } from "./benchClient";
import type { BuiltBoard } from "./boards";

/**
 * Writes a board into a room through the server itself, as a client would, and returns once a
 * second client that joined afterwards holds all of it: the server has applied every card (and,
 * for Debrief, stored it before relaying). Whether the other peers' storage has caught up is
 * the caller's business (each peer's settle delay).
 */
export async function seed(args: SeedArgs, board: BuiltBoard): Promise<SeedResult> {
  const started = performance.now();
  const base = { target: args.target, others: 1, skeleton: board.skeleton };
  const writer = new BenchClient({ ...base, role: "reader" });
  let observer: BenchClient | undefined;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`seeding timed out after ${args.timeoutMs} ms`)),
      args.timeoutMs,
    );
  });
  try {
    await Promise.race([writer.ready, timeout]);
    writer.sendUpdates(board.chunks);
    const watching = new BenchClient({ ...base, role: "reader", need: board.writer });
    observer = watching;
    await Promise.race([watching.ready, timeout]);
    return { bytes: watching.syncBytes, ms: performance.now() - started };
  } finally {
    clearTimeout(timer);
    writer.close();
    observer?.close();
  }
}
