import type { BoardContextValue } from "../boardContext";
import type { ShownCard } from "../createBoardLayout";
import { snapToMinute } from "../layout/timeTicks";
import type { CanvasState } from "./createCanvasState";

// Below this many pixels a press is a click (select, focus), not a drag.
const DRAG_THRESHOLD_PX = 4;

/**
 * Drags a card sideways to change its time. While dragging only the local view moves (the
 * card and the time it shows, snapped to the minute); the move is written once, on release,
 * so others see one change and undo takes it back in one step.
 */
export function startCardDrag(
  event: PointerEvent,
  handle: HTMLElement,
  shown: ShownCard,
  ctx: BoardContextValue,
  canvas: CanvasState,
): void {
  if (event.button !== 0) return;
  const startX = event.clientX;
  const startAt = shown.card.at;
  let dragging = false;

  const move = (e: PointerEvent) => {
    const dx = e.clientX - startX;
    if (!dragging && Math.abs(dx) < DRAG_THRESHOLD_PX) return;
    dragging = true;
    canvas.setDrag({ key: shown.key, at: snapToMinute(startAt + dx * ctx.viewport.msPerPx()) });
  };
  const end = (e: PointerEvent) => {
    handle.removeEventListener("pointermove", move);
    handle.removeEventListener("pointerup", end);
    handle.removeEventListener("pointercancel", end);
    if (handle.hasPointerCapture(e.pointerId)) handle.releasePointerCapture(e.pointerId);
    const landed = canvas.drag();
    canvas.setDrag(undefined);
    if (dragging && landed && e.type === "pointerup" && landed.at !== startAt) {
      ctx.actions.moveCard({ ...shown.card, draft: shown.draft }, landed.at);
    }
  };
  // Captured from the start, so a quick drag that leaves the handle keeps its moves.
  handle.setPointerCapture(event.pointerId);
  handle.addEventListener("pointermove", move);
  handle.addEventListener("pointerup", end);
  handle.addEventListener("pointercancel", end);
}
