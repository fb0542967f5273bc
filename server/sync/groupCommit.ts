import type { ServerMetrics } from "../ops/metrics";
import type { AppendItem, Storage } from "../storage/storage";

/**
 * Group commit: every update enqueued in the same tick goes to storage in one transaction
 * (one fsync). Batches are written one after another, so the order of updates for a room in
 * storage is the order in which they were enqueued. Each promise resolves only once its
 * update is durable — callers relay nothing before that.
 */
export function createGroupCommit(storage: Storage, metrics: ServerMetrics) {
  type Waiting = AppendItem & { resolve(): void; reject(error: unknown): void };
  let queue: Waiting[] = [];
  let scheduled = false;
  let writing: Promise<void> = Promise.resolve();

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

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      const batch = queue;
      queue = [];
      writing = writing.then(() => flush(batch));
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
      while (queue.length > 0 || scheduled) {
        await new Promise((r) => setImmediate(r));
      }
      await writing;
    },
  };
}

export type GroupCommit = ReturnType<typeof createGroupCommit>;
