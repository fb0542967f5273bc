import { onCleanup } from "solid-js";
import type { BoardContextValue } from "../boardContext";
import type { CanvasState } from "./createCanvasState";

// Presses on these start their own thing (editing, buttons, dragging a card), not a pan.
const NOT_PAN = ".card, button, select, input, textarea, a, [contenteditable], .lane-label";
const PAN_THRESHOLD_PX = 3;
// Zoom per wheel pixel: one notch of a mouse wheel (about 100 px) zooms by about 1.2×.
const ZOOM_PER_WHEEL_PX = 0.0018;

/**
 * Pan and zoom on the canvas: drag on empty lane space pans (sideways through time, up and
 * down through lanes); a sideways wheel, a trackpad swipe or shift+wheel pans through time;
 * ctrl/⌘+wheel (and a trackpad pinch, which the browser reports as ctrl+wheel) zooms around
 * the pointer. A plain wheel scrolls the lanes natively. Every such move is the person's own,
 * so it stops "follow the facilitator".
 */
export function createPanZoom(
  ctx: BoardContextValue,
  canvas: CanvasState,
  root: HTMLElement,
  scroller: HTMLElement,
): void {
  const vp = ctx.viewport;
  const contentLeft = () => ctx.contentElement()?.getBoundingClientRect().left ?? 0;

  const onWheel = (e: WheelEvent) => {
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? scroller.clientHeight : 1;
    const dx = e.deltaX * unit;
    const dy = e.deltaY * unit;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      vp.zoomBy(Math.exp(dy * ZOOM_PER_WHEEL_PX), e.clientX - contentLeft(), "user");
    } else if (e.shiftKey) {
      e.preventDefault();
      vp.panBy(dx || dy, "user");
    } else if (Math.abs(dx) > Math.abs(dy)) {
      e.preventDefault();
      vp.panBy(dx, "user");
    }
  };

  let press: { id: number; x: number; y: number; panning: boolean } | undefined;
  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0 || !(e.target instanceof Element) || e.target.closest(NOT_PAN)) return;
    press = { id: e.pointerId, x: e.clientX, y: e.clientY, panning: false };
  };
  const onPointerMove = (e: PointerEvent) => {
    if (!press || press.id !== e.pointerId) return;
    const dx = e.clientX - press.x;
    const dy = e.clientY - press.y;
    if (!press.panning) {
      if (Math.hypot(dx, dy) < PAN_THRESHOLD_PX) return;
      press.panning = true;
      // Captured only once it is a pan, so a plain click or double-click keeps its target.
      scroller.setPointerCapture(e.pointerId);
      scroller.classList.add("panning");
    }
    vp.panBy(-dx, "user");
    scroller.scrollTop -= dy;
    press.x = e.clientX;
    press.y = e.clientY;
  };
  const onPointerUp = (e: PointerEvent) => {
    if (!press || press.id !== e.pointerId) return;
    if (press.panning) {
      scroller.releasePointerCapture(e.pointerId);
      scroller.classList.remove("panning");
    }
    press = undefined;
  };

  // Not passive: ctrl+wheel must not zoom the whole page, and sideways swipes must not
  // navigate back in history.
  root.addEventListener("wheel", onWheel, { passive: false });
  scroller.addEventListener("pointerdown", onPointerDown);
  scroller.addEventListener("pointermove", onPointerMove);
  scroller.addEventListener("pointerup", onPointerUp);
  scroller.addEventListener("pointercancel", onPointerUp);
  const onScroll = () => canvas.syncScroll();
  scroller.addEventListener("scroll", onScroll, { passive: true });
  onCleanup(() => {
    root.removeEventListener("wheel", onWheel);
    scroller.removeEventListener("pointerdown", onPointerDown);
    scroller.removeEventListener("pointermove", onPointerMove);
    scroller.removeEventListener("pointerup", onPointerUp);
    scroller.removeEventListener("pointercancel", onPointerUp);
    scroller.removeEventListener("scroll", onScroll);
  });
}
