/** Nearest-rank percentile (p in 0–100) of unsorted samples; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  const finite = samples.filter(Number.isFinite);
  if (finite.length === 0) return Number.NaN;
  const sorted = finite.sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function max(samples: readonly number[]): number {
  let m = Number.NaN;
  for (const s of samples) if (Number.isFinite(s) && !(s <= m)) m = s;
  return m;
}

export const MB = 1024 * 1024;
export const KB = 1024;
