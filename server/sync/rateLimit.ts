/** A token bucket: `ratePerSecond` steady, up to `burst` at once. */
export function createTokenBucket(
  ratePerSecond: number,
  burst: number,
  now = () => performance.now(),
) {
  let tokens = burst;
  let last = now();
  return {
    /** Whether at least `n` tokens are left, taking none. */
    has(n: number): boolean {
      const t = now();
      tokens = Math.min(burst, tokens + ((t - last) / 1000) * ratePerSecond);
      last = t;
      return tokens >= n;
    },
    /** Takes `n` tokens (one by default); false, taking none, when fewer are left. */
    take(n = 1): boolean {
      const t = now();
      tokens = Math.min(burst, tokens + ((t - last) / 1000) * ratePerSecond);
      last = t;
      if (tokens < n) return false;
      tokens -= n;
      return true;
    },
  };
}

export type TokenBucket = ReturnType<typeof createTokenBucket>;

/**
 * Token buckets kept per key (a session in a room) rather than per connection: a client
 * closed for flooding that reconnects at once must not find a full bucket again. A bucket
 * unused for a minute has refilled anyway, so it is dropped when the map grows large.
 */
export function createBucketRegistry(ratePerSecond: number, burst: number) {
  const buckets = new Map<string, { bucket: TokenBucket; usedAt: number }>();
  return {
    get(key: string): TokenBucket {
      const now = Date.now();
      let entry = buckets.get(key);
      if (!entry) {
        if (buckets.size >= 10_000) {
          for (const [k, e] of buckets) if (now - e.usedAt > 60_000) buckets.delete(k);
        }
        entry = { bucket: createTokenBucket(ratePerSecond, burst), usedAt: now };
        buckets.set(key, entry);
      }
      entry.usedAt = now;
      return entry.bucket;
    },
  };
}

export type BucketRegistry = ReturnType<typeof createBucketRegistry>;

/** The key budgets are kept under: one session (participant id) in one room. */
export function bucketKey(room: string, session: { participantId: string }): string {
  return `${room}\u0000${session.participantId}`;
}
