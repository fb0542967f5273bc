import { type Accessor, createEffect, createMemo, createSignal, onCleanup } from "solid-js";
import { type MeetingState, phaseRemainingMs } from "../../shared/meeting";
import type { ServerClock } from "../sync/serverClock";

/**
 * Time left in the current phase (negative in overtime), recomputed locally from the stored
 * meeting state and the estimated server clock: nothing ticks over the wire. While running it
 * re-reads the clock once a second, timed to land just after each whole second of the
 * countdown so the display changes in step with everyone else's. Needs a Solid owner.
 */
export function createCountdown(
  state: Accessor<MeetingState | null>,
  clock: ServerClock,
): Accessor<number | undefined> {
  const [now, setNow] = createSignal(clock.now());
  const running = createMemo(() => state()?.status === "running");

  // The state is a store: its fields are tracked one by one, so the timing ones are read here.
  const timing = createMemo(() => {
    const s = state();
    return s ? `${s.status} ${s.phaseIndex} ${s.startedAt} ${s.durationMs} ${s.remainingMs}` : "";
  });

  createEffect(() => {
    // Re-read at once on any timing change (pause, extend, next phase), then tick while running.
    timing();
    setNow(clock.now());
    if (!running()) return;
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const t = clock.now();
      setNow(t);
      const current = state();
      const remaining = current ? phaseRemainingMs(current, t) : 0;
      // Milliseconds until the displayed second changes, plus a little slack for timer jitter.
      const untilNextSecond = ((remaining % 1000) + 1000) % 1000 || 1000;
      timer = setTimeout(tick, untilNextSecond + 15);
    };
    tick();
    onCleanup(() => clearTimeout(timer));
  });

  return () => {
    const current = state();
    return current ? phaseRemainingMs(current, now()) : undefined;
  };
}
