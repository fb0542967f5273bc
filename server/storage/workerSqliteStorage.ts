import { Worker } from "node:worker_threads";
import type { StorageCall, StorageReply } from "./sqliteWorker";
import type { Storage } from "./storage";

/**
 * SQLite storage on a worker thread. better-sqlite3 is synchronous and every commit fsyncs
 * (synchronous = FULL): on the event loop, a slow disk — a WAL checkpoint, a busy neighbour —
 * froze every socket of every room for as long as the fsync took (seconds, measured under a
 * write flood: tests/reliability/abuse.test.ts). Here the event loop only posts and awaits;
 * the worker keeps the contract's order, because it runs one call after another.
 */
export async function createWorkerSqliteStorage(dataDir: string): Promise<Storage> {
  // The server runs its TypeScript through tsx, whose loader hooks a worker does not inherit:
  // the worker registers them itself before importing its module.
  const tsx = JSON.stringify(import.meta.resolve("tsx/esm/api"));
  const entry = JSON.stringify(new URL("./sqliteWorker.ts", import.meta.url).href);
  const worker = new Worker(
    `import(${tsx}).then((t) => { t.register(); return import(${entry}); })`,
    { eval: true, workerData: { dataDir } },
  );
  // The storage worker must not keep a stopping process alive; pending calls hold it.
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

  const call = <T>(method: keyof Storage, ...args: unknown[]): Promise<T> => {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    const message: StorageCall = { id, method, args };
    worker.ref();
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage(message);
    });
  };

  const storage: Storage = {
    load: (room) => call("load", room),
    // Only the data crosses: callers may hand over richer objects (group commit's promises).
    append: (items) =>
      call(
        "append",
        items.map(({ room, update }) => ({ room, update })),
      ),
    compact: (room) => call("compact", room),
    createBoard: (record) => call("createBoard", record),
    getBoard: (id) => call("getBoard", id),
    setMeetingRunning: (boardId, running) => call("setMeetingRunning", boardId, running),
    listRunningMeetings: () => call("listRunningMeetings"),
    ping: () => call("ping"),
    close: async () => {
      if (stopped) return;
      await call("close");
      stop(new Error("storage closed"));
      await worker.terminate();
    },
  };
  // Opening (and migrating) happens in the worker; a failure surfaces here, at start-up.
  await storage.ping();
  return storage;
}
