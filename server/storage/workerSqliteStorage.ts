import { Worker } from "node:worker_threads";
import { packAppend } from "./packedAppend";
import type { StorageCall, StorageReply } from "./sqliteWorker";
import type { Storage } from "./storage";

/**
 * SQLite storage on worker threads. better-sqlite3 is synchronous and every commit fsyncs
 * (synchronous = FULL): on the event loop, a slow disk — a WAL checkpoint, a busy neighbour —
 * froze every socket of every room for as long as the fsync took (seconds, measured under a
 * write flood: tests/reliability/abuse.test.ts). Here the event loop only posts and awaits;
 * the writer thread keeps the contract's order, because it runs one call after another.
 *
 * Compaction has a thread and a connection of its own: folding a room's log is CPU work of
 * tens to hundreds of milliseconds, and on the writer thread every commit of every room
 * waited for it (the relay benchmark's p99 went from 12 to 231 ms). Its reads and its fold
 * run beside the writer's commits; only its short final transaction takes the write lock.
 */
export async function createWorkerSqliteStorage(dataDir: string): Promise<Storage> {
  const writer = startWorker(dataDir);
  // Opening (and migrating) happens in the writer; a failure surfaces here, at start-up. The
  // compactor opens the database only after that, so the two never migrate at once.
  await writer.call("ping", []);
  const compactor = startWorker(dataDir);
  await compactor.call("ping", []);

  return {
    load: (room) => writer.call("load", [room]),
    append: (items) => {
      // One transferred buffer crosses instead of a structured clone of every update.
      const batch = packAppend(items);
      return writer.call("appendPacked", [batch], [batch.data.buffer as ArrayBuffer]);
    },
    compact: (room) => compactor.call("compact", [room]),
    createBoard: (record) => writer.call("createBoard", [record]),
    getBoard: (id) => writer.call("getBoard", [id]),
    replaceKeyHash: (boardId, role, keyHash) =>
      writer.call("replaceKeyHash", [boardId, role, keyHash]),
    setMeetingRunning: (boardId, running) => writer.call("setMeetingRunning", [boardId, running]),
    listRunningMeetings: () => writer.call("listRunningMeetings", []),
    ping: () => writer.call("ping", []),
    close: async () => {
      await Promise.all([compactor.close(), writer.close()]);
    },
  };
}

/** One worker thread with its own SQLite connection, answering calls in the order posted. */
function startWorker(dataDir: string) {
  // The server runs its TypeScript through tsx, whose loader hooks a worker does not inherit:
  // the worker registers them itself before importing its module.
  const tsx = JSON.stringify(import.meta.resolve("tsx/esm/api"));
  const entry = JSON.stringify(new URL("./sqliteWorker.ts", import.meta.url).href);
  const worker = new Worker(
    `import(${tsx}).then((t) => { t.register(); return import(${entry}); })`,
    { eval: true, workerData: { dataDir } },
  );
  // A storage worker must not keep a stopping process alive; pending calls hold it.
  worker.unref();
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
  let nextId = 1;
  let stopped: Error | undefined;
  const stop = (error: Error) => {
    stopped ??= error;
    for (const p of pending.values()) p.reject(stopped);
    pending.clear();
  };
  worker.on("message", (reply: StorageReply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (reply.ok) p.resolve(reply.value);
    else p.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
    if (pending.size === 0) worker.unref();
  });
  worker.on("error", (error) => stop(error));
  worker.on("exit", (code) => stop(new Error(`storage worker exited (${code})`)));

  const call = <T>(
    method: StorageCall["method"],
    args: unknown[],
    transfer: ArrayBuffer[] = [],
  ): Promise<T> => {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    const message: StorageCall = { id, method, args };
    worker.ref();
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage(message, transfer);
    });
  };

  return {
    call,
    async close(): Promise<void> {
      if (stopped) return;
      await call("close", []);
      stop(new Error("storage closed"));
      await worker.terminate();
    },
  };
}
