import type { ServerMetrics } from "../ops/metrics";
import type { AppendItem, Storage } from "../storage/storage";

/**
 * Group commit: one append is in flight at a time, and everything enqueued while it runs goes
 * to storage in the next transaction (one fsync). Under load the batches grow instead of
 * queueing behind each other, so a slow fsync is paid once, not once per waiting batch. The
 * first batch after a quiet spell waits one `setImmediate`, collecting what the current round
 * of socket reads enqueues. While updates keep coming, a commit starts no sooner than
 * `spacingMs` after the previous one started: each commit is one frame per peer of every room
 * it holds, and those sends were most of the relay's CPU (see config.ts, COMMIT_SPACING_MS).
 * Order is kept: a room's updates reach storage in the order they were enqueued. Each promise
 * resolves only once its update is durable — callers relay nothing before that.
 */
export function createGroupCommit(
  storage: Storage,
  metrics: ServerMetrics,
  { spacingMs = 0 }: { spacingMs?: number } = {},
) {
  type Waiting = AppendItem & { resolve(): void; reject(error: unknown): void };
  let queue: Waiting[] = [];
  let scheduled = false;
  let writing: Promise<void> | undefined;

  const flush = async (batch: Waiting[]) => {
    const started = performance.now();
    try {
      await storage.append(batch);
      metrics.storageLatency.observe(performance.now() - started);
      for (const item of batch) item.resolve();
    } catch (error) {
      metrics.storageErrors.inc();
      for (const item of batch) item.reject(error);
    }
  };

  let lastStart = Number.NEGATIVE_INFINITY;
  const writeAll = async () => {
    while (queue.length > 0) {
      const wait = lastStart + spacingMs - performance.now();
      // Rounded up: timers take whole milliseconds, and one that fired early would not wait.
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, Math.ceil(wait)));
      lastStart = performance.now();
      const batch = queue;
      queue = [];
      await flush(batch);
    }
    writing = undefined;
  };

  const schedule = () => {
    if (scheduled || writing) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      writing ??= writeAll();
    });
  };

  return {
    /** Resolves when the update is durable; rejects when storage refused it. */
    enqueue(room: string, update: Uint8Array): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        queue.push({ room, update, resolve, reject });
        schedule();
      });
    },
    /** Resolves when everything enqueued so far has been written (or has failed). */
    async drain(): Promise<void> {
      while (queue.length > 0 || scheduled || writing) {
        if (writing) await writing;
        else await new Promise((r) => setImmediate(r));
      }
    },
  };
}

export type GroupCommit = ReturnType<typeof createGroupCommit>;
