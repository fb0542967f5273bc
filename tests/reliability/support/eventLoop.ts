import { metric } from "../../support/metrics";
import { waitFor } from "../../support/waitFor";

const METRIC = "debrief_event_loop_delay_max_seconds";

/**
 * Watches the server's longest event-loop stall (its own monitorEventLoopDelay, read from
 * /metrics) while something runs. The metric covers the last 5-10 s, so it is read every
 * half second and the largest value kept.
 */
export async function watchEventLoop(baseUrl: string) {
  // Start-up work (module loading, the first room) is not the scenario's: wait it out.
  await waitFor(async () => (await metric(baseUrl, METRIC)) < 0.1, {
    timeoutMs: 25_000,
    what: "the server's event loop to be quiet before the scenario",
  });
  let maxSeconds = 0;
  let reading = Promise.resolve();
  const timer = setInterval(() => {
    reading = metric(baseUrl, METRIC).then(
      (v) => {
        maxSeconds = Math.max(maxSeconds, v);
      },
      () => {},
    );
  }, 500);
  return {
    /** Stops watching; the largest stall seen, in milliseconds. */
    async stop(): Promise<number> {
      clearInterval(timer);
      await reading;
      maxSeconds = Math.max(maxSeconds, await metric(baseUrl, METRIC));
      return maxSeconds * 1000;
    },
  };
}
