/** Median, 95th percentile and maximum of a list of frame times (ms), and how many frames ran. */
export type FrameStats = {
  frames: number;
  median: number;
  p95: number;
  max: number;
  over50: number;
};

/**
 * Summarises requestAnimationFrame deltas; nearest-rank percentiles, rounded to 0.1 ms.
 * Deltas under 1 ms are left out: headless Chromium sometimes runs two callbacks for one
 * frame, and they are not frames anyone sees.
 */
export function frameStats(deltas: readonly number[]): FrameStats {
  const sorted = deltas.filter((d) => d >= 1).sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    frames: sorted.length,
    median: round(at(0.5)),
    p95: round(at(0.95)),
    max: round(sorted[sorted.length - 1] ?? 0),
    over50: sorted.filter((d) => d > 50).length,
  };
}

/**
 * Page-side code: collects requestAnimationFrame deltas between `start()` and `stop()`.
 * Installed with `page.addInitScript`, so it exists before the app's first frame.
 */
export function installFrameRecorder(): void {
  const w = window as unknown as Record<string, unknown>;
  let frames: number[] = [];
  let running = false;
  let last = 0;
  const tick = (t: number) => {
    if (!running) return;
    if (last) frames.push(t - last);
    last = t;
    requestAnimationFrame(tick);
  };
  w.__frames = {
    start() {
      frames = [];
      last = 0;
      running = true;
      requestAnimationFrame(tick);
    },
    stop() {
      running = false;
      return frames;
    },
  };
  // The first moment a card is on screen: when the board has rendered for the first time.
  const observer = new MutationObserver(() => {
    if (!document.querySelector(".card")) return;
    observer.disconnect();
    const seen = performance.now();
    requestAnimationFrame(() => {
      w.__firstCard = { seen, painted: performance.now() };
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}
