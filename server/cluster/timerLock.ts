import type { Redis } from "ioredis";

/**
 * Who runs a board's meeting timer. On one node that node always does; with several, the node
 * holding a Redis lock (with a TTL, renewed while it lives) does, so prompts are posted once.
 */
export interface TimerLock {
  /** Takes the lock if free; true when this node holds it afterwards. */
  acquire(boardId: string): Promise<boolean>;
  /** Extends a lock this node holds; false when it was lost (expired and taken). */
  renew(boardId: string): Promise<boolean>;
  release(boardId: string): Promise<void>;
  /** How often holders must renew (and others retry) to keep failover within the TTL. */
  readonly renewEveryMs: number;
}

/** The single-node lock: always held. */
export function createLocalTimerLock(renewEveryMs = 3_000): TimerLock {
  return {
    acquire: async () => true,
    renew: async () => true,
    release: async () => {},
    renewEveryMs,
  };
}

// Renew and release only if the lock is still ours: a node that stalled past the TTL must not
// extend or drop a lock another node has taken since.
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then
  return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then
  return redis.call("del", KEYS[1]) else return 0 end`;

/** A Redis lock per board: `SET key node NX PX ttl`, renewed at a third of the TTL. */
export function createRedisTimerLock(redis: Redis, nodeId: string, ttlMs: number): TimerLock {
  const key = (boardId: string) => `debrief:timer:${boardId}`;
  return {
    async acquire(boardId) {
      const set = await redis.set(key(boardId), nodeId, "PX", ttlMs, "NX");
      if (set === "OK") return true;
      return (await redis.get(key(boardId))) === nodeId;
    },
    async renew(boardId) {
      return (await redis.eval(RENEW, 1, key(boardId), nodeId, ttlMs)) === 1;
    },
    async release(boardId) {
      await redis.eval(RELEASE, 1, key(boardId), nodeId);
    },
    renewEveryMs: Math.max(100, Math.floor(ttlMs / 3)),
  };
}
