// Shared by every bucket rather than a closure each: the server keeps four per session and room.
const monotonicNow = () => performance.now();

/** A steady rate and the most that may be spent at once. */
export type Rate = { perSecond: number; burst: number };

/**
 * A token bucket: `rate.perSecond` steady, up to `rate.burst` at once. A class with two
 * numbers rather than a closure: the server keeps four per session and room it has seen.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly rate: Rate,
    private readonly now: () => number = monotonicNow,
  ) {
    this.tokens = rate.burst;
    this.last = now();
  }

  /** Milliseconds until at least `n` tokens are left (0: now), if nothing is taken meanwhile. */
  msUntil(n: number): number {
    this.refill();
    if (this.tokens >= n) return 0;
    return ((n - this.tokens) / this.rate.perSecond) * 1000;
  }

  /**
   * Milliseconds until a tenth of the burst is back, or `needed` tokens if more: when a
   * session refused for this budget may connect again.
   */
  msUntilReadmitted(needed = 0): number {
    return this.msUntil(Math.max(this.rate.burst / 10, needed));
  }

  /** Takes `n` tokens (one by default); false, taking none, when fewer are left. */
  take(n = 1): boolean {
    this.refill();
    if (this.tokens < n) return false;
    this.tokens -= n;
    return true;
  }

  /**
   * Takes `n` tokens even when fewer are left: work already done is paid for, and the
   * bucket refills from below zero before it grants anything again.
   */
  spend(n: number): void {
    this.refill();
    this.tokens -= n;
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(
      this.rate.burst,
      this.tokens + ((t - this.last) / 1000) * this.rate.perSecond,
    );
    this.last = t;
  }
}

export function createTokenBucket(
  ratePerSecond: number,
  burst: number,
  now?: () => number,
): TokenBucket {
  return new TokenBucket({ perSecond: ratePerSecond, burst }, now);
}

/**
 * Everything a session may spend in one room: messages, updates among them, structs, and
 * the items Yjs's conflict resolution passes for its updates.
 */
export type Budgets = {
  messages: TokenBucket;
  // Updates cost a commit and an apply for the whole room, far more than a cursor move.
  writes: TokenBucket;
  // Message counts alone let a few dense updates cost seconds of CPU; this budget is in the
  // unit that decoding and applying cost (structs and delete ranges).
  structs: TokenBucket;
  // Structs bound what gets in, not what it costs once there: items placed where many
  // others claim the same spot cost Yjs time quadratic in their number (conflictCost.ts).
  conflicts: TokenBucket;
  /** Structs the last update refused for the struct budget needs (see takeUpdate); 0 when none. */
  structsNeeded: number;
  /** Steps the last refused update needs (see chargeConflicts in updateIntake.ts); 0 when none. */
  conflictsNeeded: number;
};

/**
 * Milliseconds until a session refused for its budgets in a room may connect again (0: now):
 * a tenth of every burst back, and as much as its last refused update needs.
 */
export function msUntilReadmitted(b: Budgets): number {
  return Math.max(
    b.messages.msUntilReadmitted(),
    b.writes.msUntilReadmitted(),
    b.structs.msUntilReadmitted(b.structsNeeded),
    b.conflicts.msUntilReadmitted(b.conflictsNeeded),
  );
}

/**
 * Budgets kept per key (a session in a room) rather than per connection: a client closed for
 * flooding that reconnects at once must not find full buckets again. Budgets unused for a
 * minute have refilled anyway, so they are dropped when the map grows large.
 */
export function createBudgetRegistry(
  rates: Record<"messages" | "writes" | "structs" | "conflicts", Rate>,
) {
  const entries = new Map<string, { budgets: Budgets; usedAt: number }>();
  return {
    get(key: string): Budgets {
      const now = Date.now();
      let entry = entries.get(key);
      if (!entry) {
        if (entries.size >= 10_000) {
          for (const [k, e] of entries) if (now - e.usedAt > 60_000) entries.delete(k);
        }
        const budgets = {
          messages: new TokenBucket(rates.messages),
          writes: new TokenBucket(rates.writes),
          structs: new TokenBucket(rates.structs),
          conflicts: new TokenBucket(rates.conflicts),
          structsNeeded: 0,
          conflictsNeeded: 0,
        };
        entry = { budgets, usedAt: now };
        entries.set(key, entry);
      }
      entry.usedAt = now;
      return entry.budgets;
    },
  };
}

export type BudgetRegistry = ReturnType<typeof createBudgetRegistry>;

/** The key budgets are kept under: one session (participant id) in one room. */
export function bucketKey(room: string, session: { participantId: string }): string {
  return `${room}\u0000${session.participantId}`;
}
