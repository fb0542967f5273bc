import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createPostgresStorage } from "../../server/storage/postgresStorage";
import { createSqliteStorage } from "../../server/storage/sqliteStorage";
import type { Storage } from "../../server/storage/storage";
import { createWorkerSqliteStorage } from "../../server/storage/workerSqliteStorage";
import { createTempDatabase, servicesAvailable } from "../support/services";

/** A backend under test: `open()` gives a store on one fixed location; `reopen` the same again. */
type Backend = { name: string; open(): Promise<Storage>; cleanup(): Promise<void> };

function sqliteBackend(): Backend {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "debrief-contract-"));
  return { name: "SQLite", open: async () => createSqliteStorage(dir), cleanup: async () => {} };
}

// What the server runs: the same store behind worker threads (a writer and a compactor).
function sqliteWorkerBackend(): Backend {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "debrief-contract-"));
  return {
    name: "SQLite on worker threads",
    open: () => createWorkerSqliteStorage(dir),
    cleanup: async () => {},
  };
}

async function postgresBackend(): Promise<Backend> {
  const db = await createTempDatabase();
  return { name: "PostgreSQL", open: () => createPostgresStorage(db.url), cleanup: db.drop };
}

function edits(n: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < n; i++) doc.getArray<number>("a").push([i]);
  return updates;
}

function stateOf(updates: Uint8Array[]): unknown {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc.getArray("a").toJSON();
}

const withPostgres = await servicesAvailable(["postgres"]);
const backends: Array<{ name: string; make: () => Promise<Backend> }> = [
  { name: "SQLite", make: async () => sqliteBackend() },
  { name: "SQLite on worker threads", make: async () => sqliteWorkerBackend() },
  ...(withPostgres ? [{ name: "PostgreSQL", make: postgresBackend }] : []),
];
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

describe.each(backends)("the storage contract on $name", ({ make }) => {
  const stores: Storage[] = [];
  let backend: Backend;
  const open = async () => {
    backend ??= await make();
    if (!cleanups.includes(backend.cleanup)) cleanups.push(backend.cleanup);
    const store = await backend.open();
    stores.push(store);
    return store;
  };
  afterAll(async () => {
    for (const s of stores) await s.close().catch(() => {});
  });

  it("loads an unknown room as empty", async () => {
    const storage = await open();
    expect(await storage.load("nobody")).toEqual({ updates: [], logRows: 0, bytes: 0 });
  });

  it("appends a batch in one transaction and loads it in order, per room", async () => {
    const storage = await open();
    const [a, b, c] = edits(3);
    await storage.append([
      { room: "r1", update: a! },
      { room: "r2", update: b! },
      { room: "r1", update: c! },
    ]);
    const r1 = await storage.load("r1");
    expect(r1.updates).toEqual([a, c]);
    expect(r1.logRows).toBe(2);
    expect(r1.bytes).toBe(a!.length + c!.length);
    expect((await storage.load("r2")).updates).toEqual([b]);
  });

  it("compacts the log into one snapshot with the same state", async () => {
    const storage = await open();
    const updates = edits(50);
    await storage.append(updates.map((update) => ({ room: "c1", update })));
    const result = await storage.compact("c1");
    expect(result.rowsFolded).toBe(50);
    const after = await storage.load("c1");
    expect(after.logRows).toBe(0);
    expect(after.updates).toHaveLength(1);
    expect(stateOf(after.updates)).toEqual(stateOf(updates));
    expect(after.bytes).toBeLessThan(result.bytesBefore);
  });

  it("keeps rows appended after a compaction and folds them in the next", async () => {
    const storage = await open();
    const updates = edits(20);
    await storage.append(updates.slice(0, 10).map((update) => ({ room: "c2", update })));
    await storage.compact("c2");
    await storage.append(updates.slice(10).map((update) => ({ room: "c2", update })));
    const mid = await storage.load("c2");
    expect(mid.logRows).toBe(10);
    expect(stateOf(mid.updates)).toEqual(stateOf(updates));
    await storage.compact("c2");
    expect(stateOf((await storage.load("c2")).updates)).toEqual(stateOf(updates));
  });

  it("keeps updates whose dependencies have not arrived yet through a compaction", async () => {
    const storage = await open();
    const updates = edits(3);
    await storage.append([
      { room: "c3", update: updates[2]! },
      { room: "c3", update: updates[1]! },
    ]);
    await storage.compact("c3");
    await storage.append([{ room: "c3", update: updates[0]! }]);
    expect(stateOf((await storage.load("c3")).updates)).toEqual([0, 1, 2]);
  });

  it("loses nothing when appends race with compactions from a second store", async () => {
    const a = await open();
    const b = await open();
    const updates = edits(200);
    const appending = (async () => {
      for (let i = 0; i < updates.length; i += 5) {
        await a.append(updates.slice(i, i + 5).map((update) => ({ room: "race", update })));
      }
    })();
    const compacting = (async () => {
      for (let i = 0; i < 20; i++) await b.compact("race");
    })();
    await Promise.all([appending, compacting]);
    await b.compact("race");
    const loaded = await a.load("race");
    expect(stateOf(loaded.updates)).toEqual(stateOf(updates));
    expect(loaded.logRows).toBe(0);
    expect(loaded.updates).toHaveLength(1);
  });

  it("keeps what is appended while the same store compacts", async () => {
    const storage = await open();
    const updates = edits(600);
    const rows = (from: number, to: number) =>
      updates.slice(from, to).map((update) => ({ room: "overlap", update }));
    await storage.append(rows(0, 500));
    // On worker threads the fold runs beside the writer, so these appends land mid-compaction.
    const compacting = storage.compact("overlap");
    for (let i = 500; i < 600; i += 10) await storage.append(rows(i, i + 10));
    const result = await compacting;
    const loaded = await storage.load("overlap");
    expect(stateOf(loaded.updates)).toEqual(stateOf(updates));
    expect(loaded.logRows).toBe(600 - result.rowsFolded);
  });

  it("remembers boards and which meetings are running, across reopening", async () => {
    const storage = await open();
    await storage.createBoard({
      id: "b1",
      createdAt: 5,
      keyHashes: { facilitator: "f", participant: "p", observer: "o" },
    });
    await storage.setMeetingRunning("m1", true);
    await storage.setMeetingRunning("m2", true);
    await storage.setMeetingRunning("m1", true);
    await storage.setMeetingRunning("m2", false);
    const again = await open();
    expect(await again.getBoard("b1")).toEqual({
      id: "b1",
      createdAt: 5,
      keyHashes: { facilitator: "f", participant: "p", observer: "o" },
    });
    expect(await again.getBoard("nope")).toBeUndefined();
    expect(await again.replaceKeyHash("b1", "participant", "p2")).toBe(true);
    expect(await again.replaceKeyHash("nope", "participant", "p2")).toBe(false);
    expect((await (await open()).getBoard("b1"))?.keyHashes).toEqual({
      facilitator: "f",
      participant: "p2",
      observer: "o",
    });
    expect(await again.listRunningMeetings()).toEqual(["m1"]);
    await again.ping();
  });
});
