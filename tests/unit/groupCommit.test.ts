import { describe, expect, it } from "vitest";
import { createServerMetrics } from "../../server/ops/metrics";
import { packAppend, unpackAppend } from "../../server/storage/packedAppend";
import { createGroupCommit } from "../../server/sync/groupCommit";
import { memoryStorage } from "../support/memoryStorage";

const bytes = (...b: number[]) => new Uint8Array(b);
const metrics = () => createServerMetrics({ rooms: () => 1 });

describe("group commit", () => {
  it("writes what arrives during a commit as the next single transaction, in order", async () => {
    const mem = memoryStorage();
    const commit = createGroupCommit(mem.storage, metrics());
    mem.hold();
    const first = commit.enqueue("a", bytes(1));
    await new Promise((r) => setImmediate(r));
    // The first transaction is in flight; everything below waits for it and goes together.
    const later = Array.from({ length: 40 }, (_, i) => commit.enqueue(i % 2 ? "a" : "b", bytes(i)));
    await new Promise((r) => setImmediate(r));
    expect(mem.batches).toEqual([]);
    mem.release();
    await Promise.all([first, ...later]);
    expect(mem.batches.map((b) => b.length)).toEqual([1, 40]);
    expect(mem.batches[1]?.map((item) => item.update[0])).toEqual([...Array(40).keys()]);
  });

  it("spaces commits while updates keep coming, so what arrives meanwhile goes together", async () => {
    const mem = memoryStorage();
    const commit = createGroupCommit(mem.storage, metrics(), { spacingMs: 200 });
    // The first after a quiet spell goes at once.
    await commit.enqueue("a", bytes(1));
    expect(mem.batches.map((b) => b.length)).toEqual([1]);
    // Storage answers at once, yet updates a few ticks apart wait for the spacing together.
    const later: Promise<void>[] = [];
    for (let i = 2; i <= 4; i++) {
      later.push(commit.enqueue("a", bytes(i)));
      await new Promise((r) => setTimeout(r, 2));
    }
    await Promise.all(later);
    expect(mem.batches.map((b) => b.length)).toEqual([1, 3]);
    // Without spacing, the same arrivals are three commits.
    const unspaced = memoryStorage();
    const plain = createGroupCommit(unspaced.storage, metrics());
    await plain.enqueue("a", bytes(1));
    for (let i = 2; i <= 4; i++) {
      await plain.enqueue("a", bytes(i));
    }
    expect(unspaced.batches.map((b) => b.length)).toEqual([1, 1, 1, 1]);
  });

  it("resolves an update only once its transaction is written", async () => {
    const mem = memoryStorage();
    const commit = createGroupCommit(mem.storage, metrics());
    mem.hold();
    let durable = false;
    const pending = commit.enqueue("a", bytes(7)).then(() => {
      durable = mem.rows.length === 1;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(durable).toBe(false);
    mem.release();
    await pending;
    expect(durable).toBe(true);
  });

  it("fails only the transaction storage refused, and keeps going", async () => {
    const mem = memoryStorage();
    const m = metrics();
    const commit = createGroupCommit(mem.storage, m);
    mem.fail(true);
    await expect(commit.enqueue("a", bytes(1))).rejects.toThrow("disk full");
    mem.fail(false);
    await commit.enqueue("a", bytes(2));
    await commit.drain();
    expect(mem.rows.map((r) => r.update[0])).toEqual([2]);
  });
});

describe("a batch packed for the storage worker", () => {
  it("unpacks to the same rooms and updates, empty ones included", () => {
    const items = [
      { room: "a", update: bytes(1, 2, 3) },
      { room: "b", update: bytes() },
      { room: "a", update: bytes(4) },
    ];
    const packed = packAppend(items);
    expect(packed.data.byteLength).toBe(4);
    expect(unpackAppend(packed)).toEqual(items);
    expect(unpackAppend(packAppend([]))).toEqual([]);
  });
});
