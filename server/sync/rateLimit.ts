/** A token bucket: `ratePerSecond` steady, up to `burst` at once. */
export function createTokenBucket(
  ratePerSecond: number,
  burst: number,
  now = () => performance.now(),
) {
  let tokens = burst;
  let last = now();
  return {
    /** Takes one token; false when the bucket is empty. */
    take(): boolean {
      const t = now();
      tokens = Math.min(burst, tokens + ((t - last) / 1000) * ratePerSecond);
      last = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
