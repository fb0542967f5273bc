import { type Accessor, createSignal, onCleanup } from "solid-js";
import { z } from "zod";
import { requestJson } from "./requestJson";

const TimeSchema = z.object({ now: z.number() });

export type ServerClock = {
  /** The server's current time as best estimated here (epoch ms). */
  now(): number;
  /** Server minus local clock, in ms. */
  offsetMs: Accessor<number>;
};

// Re-measured now and then: local clocks drift, and NTP may step them.
const REMEASURE_MS = 5 * 60_000;
const SAMPLES = 5;

/**
 * Estimates the offset between this browser's clock and the server's from a few round trips
 * to `GET /api/time`, keeping the sample with the shortest round trip (least queueing noise).
 * The meeting countdown is computed locally from stored server times plus this offset, so
 * nothing ticks over the wire. Measures again when the page comes back into view or back
 * online: a laptop that slept may wake with a clock that has jumped. Needs a Solid owner.
 */
export function createServerClock(): ServerClock {
  const [offsetMs, setOffsetMs] = createSignal(0);
  let measuring = false;

  const measure = async () => {
    if (measuring) return;
    measuring = true;
    let best: { rtt: number; offset: number } | undefined;
    try {
      for (let i = 0; i < SAMPLES; i++) {
        const sentAt = Date.now();
        try {
          const { now } = await requestJson("/api/time", TimeSchema);
          const receivedAt = Date.now();
          const rtt = receivedAt - sentAt;
          const offset = now - (sentAt + receivedAt) / 2;
          if (!best || rtt < best.rtt) best = { rtt, offset };
        } catch {
          // Offline: keep the last estimate.
        }
      }
    } finally {
      measuring = false;
    }
    if (best) setOffsetMs(Math.round(best.offset));
  };

  const onVisible = () => {
    if (document.visibilityState === "visible") void measure();
  };
  const onOnline = () => void measure();

  void measure();
  const timer = setInterval(() => void measure(), REMEASURE_MS);
  document.addEventListener("visibilitychange", onVisible);
  window.addEventListener("online", onOnline);
  onCleanup(() => {
    clearInterval(timer);
    document.removeEventListener("visibilitychange", onVisible);
    window.removeEventListener("online", onOnline);
  });

  return { now: () => Date.now() + offsetMs(), offsetMs };
}
