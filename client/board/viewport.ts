import { type Accessor, batch, createSignal } from "solid-js";

/** What part of incident time the board shows: the left edge and the zoom. */
export type ViewportState = { startMs: number; msPerPx: number };

/** Who moved the view: a person (stops following), the follow mode, or "fit all". */
export type ViewportSource = "user" | "follow" | "fit";

export type Viewport = {
  /** Incident time at the left edge of the lanes' content element. */
  startMs: Accessor<number>;
  msPerPx: Accessor<number>;
  /** Width of the lanes' content element in px (0 until the board is laid out). */
  widthPx: Accessor<number>;
  /** Incident time at the middle of the view: what "follow" and `n` use. */
  centerMs: Accessor<number>;
  /** Incident time at the right edge. */
  endMs: Accessor<number>;
  /**
   * Incident time (epoch ms) at a horizontal pixel offset within the lanes' content element,
   * and back. The element does not move sideways (panning is virtual), so these are also
   * offsets from its left edge on screen.
   */
  timeAt(x: number): number;
  xAt(ms: number): number;
  set(next: Partial<ViewportState>, source: ViewportSource): void;
  /** Zooms by `factor` (> 1 zooms out) keeping the time under pixel `anchorX` in place. */
  zoomBy(factor: number, anchorX: number, source: ViewportSource): void;
  /** Moves the view by `dx` pixels (positive shows later times). */
  panBy(dx: number, source: ViewportSource): void;
  /** Set by the board canvas when its size changes. */
  setWidthPx(width: number): void;
  /** True while this person follows the facilitator's view. */
  following: Accessor<boolean>;
  setFollowing(on: boolean): void;
};

// From a day across the screen down to a few seconds per pixel (minutes are wide enough to read).
export const ZOOM_LIMITS = { minMsPerPx: 1_000, maxMsPerPx: 10 * 60_000 } as const;

const clampZoom = (msPerPx: number) =>
  Math.min(ZOOM_LIMITS.maxMsPerPx, Math.max(ZOOM_LIMITS.minMsPerPx, msPerPx));

/** The board's viewport; any manual move stops "follow the facilitator". */
export function createViewport(initial: ViewportState): Viewport {
  const [startMs, setStartMs] = createSignal(initial.startMs);
  const [msPerPx, setMsPerPx] = createSignal(clampZoom(initial.msPerPx));
  const [widthPx, setWidthPx] = createSignal(0);
  const [following, setFollowing] = createSignal(false);

  const set: Viewport["set"] = (next, source) =>
    batch(() => {
      if (source === "user") setFollowing(false);
      if (next.msPerPx !== undefined && Number.isFinite(next.msPerPx)) {
        setMsPerPx(clampZoom(next.msPerPx));
      }
      if (next.startMs !== undefined && Number.isFinite(next.startMs)) setStartMs(next.startMs);
    });

  return {
    startMs,
    msPerPx,
    widthPx,
    centerMs: () => startMs() + (widthPx() / 2) * msPerPx(),
    endMs: () => startMs() + widthPx() * msPerPx(),
    timeAt: (x) => startMs() + x * msPerPx(),
    xAt: (ms) => (ms - startMs()) / msPerPx(),
    set,
    zoomBy(factor, anchorX, source) {
      const anchorMs = startMs() + anchorX * msPerPx();
      const next = clampZoom(msPerPx() * factor);
      set({ msPerPx: next, startMs: anchorMs - anchorX * next }, source);
    },
    panBy(dx, source) {
      set({ startMs: startMs() + dx * msPerPx() }, source);
    },
    setWidthPx,
    following,
    setFollowing,
  };
}
