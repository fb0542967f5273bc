import { createEffect, onCleanup } from "solid-js";
import type { BoardContextValue } from "../board/boardContext";
import type { Presence } from "./createPresence";
import { laneAt } from "./laneAt";

/**
 * Publishes this person's pointer over `element()` (the lanes' content) in board coordinates:
 * incident time from the viewport, the lane under it and how far down it. Leaving the lanes,
 * hiding the tab or pointing between lanes clears it. Needs a Solid owner.
 */
export function createPointerTracking(
  ctx: BoardContextValue,
  presence: Presence,
  element: () => HTMLElement | undefined,
): void {
  createEffect(() => {
    const el = element();
    if (!el) return;

    const onMove = (event: PointerEvent) => {
      const rect = el.getBoundingClientRect();
      // Content coordinates, whether `el` is the scrolled content or the scrolling box itself.
      const x = event.clientX - rect.left - el.clientLeft + el.scrollLeft;
      const y = event.clientY - rect.top - el.clientTop + el.scrollTop;
      const hit = laneAt(ctx.laneGeometry(), y);
      if (!hit) return presence.setCursor(null);
      presence.setCursor({
        at: Math.round(ctx.viewport.timeAt(x)),
        laneId: hit.band.laneId,
        y: Math.round(hit.fraction * 1000) / 1000,
      });
    };
    const onLeave = () => presence.setCursor(null);
    const onVisibility = () => {
      if (document.visibilityState === "hidden") presence.setCursor(null);
    };

    el.addEventListener("pointermove", onMove, { passive: true });
    el.addEventListener("pointerleave", onLeave);
    el.addEventListener("pointercancel", onLeave);
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("blur", onLeave);
    onCleanup(() => {
      el.removeEventListener("pointermove", onMove);
      el.removeEventListener("pointerleave", onLeave);
      el.removeEventListener("pointercancel", onLeave);
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("blur", onLeave);
      presence.setCursor(null);
    });
  });
}
