import { monitorEventLoopDelay } from "node:perf_hooks";
import type { Metrics } from "./metrics";

// The event-loop delay is sampled every 10 ms; a stall shorter than that is invisible, and one
// longer is what users feel (every socket on the process waits for it).
const RESOLUTION_MS = 10;
// The maximum covers the last one to two windows: recent enough to show an attack in progress,
// long enough that a scrape every few seconds misses no stall.
const WINDOW_MS = 5_000;

/**
 * Process health that a hostile client could push: event-loop stalls and memory. Registered
 * on the server's registry; the window timer does not keep the process alive.
 */
export function registerProcessMetrics(m: Metrics): void {
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  delay.enable();
  let previousMaxNs = 0;
  const rotate = setInterval(() => {
    previousMaxNs = delay.max;
    delay.reset();
  }, WINDOW_MS);
  rotate.unref();

  m.gauge(
    "debrief_event_loop_delay_max_seconds",
    `Longest event-loop stall seen in the last ${WINDOW_MS / 1000}-${(2 * WINDOW_MS) / 1000} s`,
    // The histogram reports its floor (~1e9 ns) as max until it records a sample.
    () => (delay.count === 0 ? previousMaxNs : Math.max(previousMaxNs, delay.max)) / 1e9,
  );
  m.gauge("process_resident_memory_bytes", "Resident set size of the server process", () =>
    process.memoryUsage.rss(),
  );
  m.gauge(
    "nodejs_heap_used_bytes",
    "V8 heap in use (live objects and garbage not yet collected)",
    () => process.memoryUsage().heapUsed,
  );
}
