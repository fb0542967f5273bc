import { type Accessor, createSignal } from "solid-js";

/** What part of incident time the board shows: the left edge and the zoom. */
export type ViewportState = { startMs: number; msPerPx: number };

/** Who moved the view: a person (stops following), the follow mode, or "fit all". */
export type ViewportSource = "user" | "follow" | "fit";

export type Viewport = {
  startMs: Accessor<number>;
  msPerPx: Accessor<number>;
  /** Incident time (epoch ms) at a horizontal pixel offset within the lanes, and back. */
  timeAt(x: number): number;
  xAt(ms: number): number;
  set(next: Partial<ViewportState>, source: ViewportSource): void;
  /** True while this person follows the facilitator's view. */
  following: Accessor<boolean>;
  setFollowing(on: boolean): void;
};

// From a day across the screen down to a few seconds per pixel (minutes are wide enough to read).
export const ZOOM_LIMITS = { minMsPerPx: 1_000, maxMsPerPx: 10 * 60_000 } as const;

/** The board's viewport; any manual move stops "follow the facilitator". */
export function createViewport(initial: ViewportState): Viewport {
  const [startMs, setStartMs] = createSignal(initial.startMs);
  const [msPerPx, setMsPerPx] = createSignal(initial.msPerPx);
  const [following, setFollowing] = createSignal(false);
  return {
    startMs,
    msPerPx,
    timeAt: (x) => startMs() + x * msPerPx(),
    xAt: (ms) => (ms - startMs()) / msPerPx(),
    set(next, source) {
      if (source === "user") setFollowing(false);
      if (next.msPerPx !== undefined) {
        setMsPerPx(
          Math.min(ZOOM_LIMITS.maxMsPerPx, Math.max(ZOOM_LIMITS.minMsPerPx, next.msPerPx)),
        );
      }
      if (next.startMs !== undefined) setStartMs(next.startMs);
    },
    following,
    setFollowing,
  };
}
