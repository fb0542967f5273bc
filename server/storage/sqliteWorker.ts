import { parentPort, workerData } from "node:worker_threads";
import { type PackedAppend, unpackAppend } from "./packedAppend";
import { createSqliteStorage } from "./sqliteStorage";
import type { Storage, StoredDoc } from "./storage";

/**
 * The worker side of `createWorkerSqliteStorage`: owns the SQLite connection and answers one
 * call at a time, in the order they were posted.
 */
export type StorageCall = { id: number; method: keyof Storage | "appendPacked"; args: unknown[] };
export type StorageReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { name: string; message: string } };

const port = parentPort;
if (!port) throw new Error("sqliteWorker.ts runs only as a worker thread");
let storage: Storage | undefined;
let openError: unknown;
try {
  storage = createSqliteStorage((workerData as { dataDir: string }).dataDir);
} catch (error) {
  openError = error;
}

port.on("message", async ({ id, method, args }: StorageCall) => {
  let reply: StorageReply;
  try {
    if (!storage) throw openError;
    let value: unknown;
    if (method === "appendPacked") {
      value = await storage.append(unpackAppend(args[0] as PackedAppend));
    } else {
      const fn = storage[method] as (...a: unknown[]) => Promise<unknown>;
      value = await fn(...args);
    }
    if (method === "load") {
      // Rows are views into buffers SQLite may share; posting a view copies its whole buffer.
      const doc = value as StoredDoc;
      value = { ...doc, updates: doc.updates.map((u) => u.slice()) };
    }
    reply = { id, ok: true, value };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    reply = { id, ok: false, error: { name: e.name, message: e.message } };
  }
  port.postMessage(reply);
});
