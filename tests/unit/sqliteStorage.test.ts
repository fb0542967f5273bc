import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createSqliteStorage } from "../../server/storage/sqliteStorage";
import type { Storage } from "../../server/storage/storage";

const opened: Storage[] = [];
function open(dir = fs.mkdtempSync(path.join(os.tmpdir(), "debrief-sqlite-"))) {
  const storage = createSqliteStorage(dir);
  opened.push(storage);
  return { storage, dir };
}

afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

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

describe("SQLite storage", () => {
  it("loads an unknown room as empty", async () => {
    const { storage } = open();
    expect(await storage.load("nobody")).toEqual({ updates: [], logRows: 0, bytes: 0 });
  });

  it("appends a batch in one transaction and loads it in order, per room", async () => {
    const { storage } = open();
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
    const { storage } = open();
    const updates = edits(50);
    await storage.append(updates.map((update) => ({ room: "r", update })));
    const result = await storage.compact("r");
    expect(result.rowsFolded).toBe(50);
    const after = await storage.load("r");
    expect(after.logRows).toBe(0);
    expect(after.updates).toHaveLength(1);
    expect(stateOf(after.updates)).toEqual(stateOf(updates));
    expect(after.bytes).toBeLessThan(result.bytesBefore);
  });

  it("keeps rows appended after a compaction and folds them in the next", async () => {
    const { storage } = open();
    const updates = edits(20);
    await storage.append(updates.slice(0, 10).map((update) => ({ room: "r", update })));
    await storage.compact("r");
    await storage.append(updates.slice(10).map((update) => ({ room: "r", update })));
    const mid = await storage.load("r");
    expect(mid.logRows).toBe(10);
    expect(stateOf(mid.updates)).toEqual(stateOf(updates));
    await storage.compact("r");
    expect(stateOf((await storage.load("r")).updates)).toEqual(stateOf(updates));
  });

  it("keeps updates whose dependencies have not arrived yet through a compaction", async () => {
    const { storage } = open();
    const updates = edits(3);
    // Only the later updates: they wait for the first, which arrives after compaction.
    await storage.append([
      { room: "r", update: updates[2]! },
      { room: "r", update: updates[1]! },
    ]);
    await storage.compact("r");
    await storage.append([{ room: "r", update: updates[0]! }]);
    expect(stateOf((await storage.load("r")).updates)).toEqual([0, 1, 2]);
  });

  it("remembers which meetings are running, across reopening", async () => {
    const { storage, dir } = open();
    await storage.setMeetingRunning("b1", true);
    await storage.setMeetingRunning("b2", true);
    await storage.setMeetingRunning("b1", true);
    await storage.setMeetingRunning("b2", false);
    await storage.close();
    expect(await open(dir).storage.listRunningMeetings()).toEqual(["b1"]);
  });

  it("survives reopening: data and schema version persist", async () => {
    const { storage, dir } = open();
    const [a] = edits(1);
    await storage.append([{ room: "r", update: a! }]);
    await storage.createBoard({
      id: "b1",
      createdAt: 5,
      keyHashes: { facilitator: "f", participant: "p", observer: "o" },
    });
    await storage.close();
    const again = open(dir).storage;
    expect((await again.load("r")).updates).toEqual([a]);
    expect(await again.getBoard("b1")).toEqual({
      id: "b1",
      createdAt: 5,
      keyHashes: { facilitator: "f", participant: "p", observer: "o" },
    });
    expect(await again.getBoard("nope")).toBeUndefined();
  });
});
