import { createLogger } from "../../server/ops/log";
import { createServerMetrics } from "../../server/ops/metrics";
import type { StoredDoc } from "../../server/storage/storage";
import { createGroupCommit } from "../../server/sync/groupCommit";
import { Room } from "../../server/sync/room";
import { memoryStorage } from "./memoryStorage";

/** A room on an in-memory storage (see memoryStorage), with a real group commit. */
export function createTestRoom(stored?: StoredDoc, limits: { maxDocStructs?: number } = {}) {
  const mem = memoryStorage(stored);
  const metrics = createServerMetrics({ rooms: () => 1 });
  const room = new Room("room-under-test", {
    commit: createGroupCommit(mem.storage, metrics),
    storage: mem.storage,
    metrics,
    log: createLogger("silent"),
    maxDocBytes: 1024 * 1024,
    maxDocStructs: limits.maxDocStructs ?? 100_000,
    compactAfterUpdates: 1000,
  });
  return { room, mem };
}
