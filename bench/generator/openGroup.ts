import type { BoardSpec, OpenArgs, OpenResult } from "../generatorApi";
import { BenchClient } from "./benchClient";
import type { BuiltBoard } from "./boards";

/** Clients opened together, e.g. "100 editors in one room" or "a join storm". */
export type Group = { clients: BenchClient[] };

/**
 * Opens `perRoom` clients in every room, all in the same tick (a join storm is exactly that),
 * and waits until each is synced or `timeoutMs` passes. Rooms are interleaved so that a drive
 * going round the clients in order spreads its sends over the rooms.
 */
export async function openGroup(
  args: OpenArgs,
  board: (spec: BoardSpec) => BuiltBoard,
  skeleton: Uint8Array,
): Promise<{ group: Group; result: OpenResult }> {
  const need = args.board ? board(args.board).writer : undefined;
  const started = performance.now();
  const clients: BenchClient[] = [];
  for (let k = 0; k < args.perRoom; k++) {
    for (const target of args.rooms) {
      clients.push(
        new BenchClient({
          target,
          role: args.role,
          others: (args.roomSize ?? args.perRoom) - 1,
          skeleton,
          need,
        }),
      );
    }
  }
  const failures: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, args.timeoutMs);
  });
  await Promise.race([
    Promise.allSettled(
      clients.map((c) =>
        c.ready.catch((error: Error) => {
          failures.push(error.message);
        }),
      ),
    ),
    timeout,
  ]);
  clearTimeout(timer);
  const unsynced = clients.filter((c) => Number.isNaN(c.completeAt)).length - failures.length;
  if (unsynced > 0) failures.push(`${unsynced} clients not synced after ${args.timeoutMs} ms`);
  const since = (t: number) => t - started;
  return {
    group: { clients },
    result: {
      opened: clients.map((c) => since(c.openedAt)),
      firstStep2: clients.map((c) => since(c.firstStep2At)),
      complete: clients.map((c) => since(c.completeAt)),
      syncBytes: clients.map((c) => c.syncBytes),
      failures,
    },
  };
}
