/**
 * A fixed-window counter per client address. Session exchange is where a key could be
 * guessed, so it is slowed down per address; memory is bounded by pruning old windows.
 */
export function createAddressRateLimit(perMinute: number, now = () => Date.now()) {
  const windowMs = 60_000;
  const hits = new Map<string, { start: number; count: number }>();
  return {
    allow(address: string): boolean {
      const t = now();
      if (hits.size > 10_000) {
        for (const [a, w] of hits) if (t - w.start >= windowMs) hits.delete(a);
      }
      const w = hits.get(address);
      if (!w || t - w.start >= windowMs) {
        hits.set(address, { start: t, count: 1 });
        return true;
      }
      w.count++;
      return w.count <= perMinute;
    },
  };
}
