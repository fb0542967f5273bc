/** A time range to show, e.g. all cards or the incident window. */
export type TimeRange = { startMs: number; endMs: number };

export type FitOptions = {
  widthPx: number;
  /** Room for a card to the right of the last time, so the last card shows whole. */
  trailingPx: number;
  /** Margin left of the first time. */
  leadingPx: number;
  minMsPerPx: number;
  maxMsPerPx: number;
  /** Zoom used when the range is a single instant. */
  defaultMsPerPx: number;
};

/**
 * The viewport that shows a whole range: zoomed so the range fits the width (within the zoom
 * limits) and centred in it; a range too long even at the widest zoom is centred and cut.
 */
export function fitView(
  range: TimeRange,
  options: FitOptions,
): { startMs: number; msPerPx: number } {
  const usable = Math.max(1, options.widthPx - options.leadingPx - options.trailingPx);
  const spanMs = Math.max(0, range.endMs - range.startMs);
  const wanted = spanMs > 0 ? spanMs / usable : options.defaultMsPerPx;
  const msPerPx = Math.min(options.maxMsPerPx, Math.max(options.minMsPerPx, wanted));
  // Centred in the usable width: equal to "starts at the left margin" when the range fills it.
  const startMs = range.startMs + spanMs / 2 - (options.leadingPx + usable / 2) * msPerPx;
  return { startMs, msPerPx };
}

/** The range that holds every time given, or undefined for none. */
export function rangeOf(times: Iterable<number>): TimeRange | undefined {
  let startMs = Number.POSITIVE_INFINITY;
  let endMs = Number.NEGATIVE_INFINITY;
  for (const t of times) {
    if (t < startMs) startMs = t;
    if (t > endMs) endMs = t;
  }
  return startMs <= endMs ? { startMs, endMs } : undefined;
}
