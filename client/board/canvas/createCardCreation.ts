import { TIMELINE_LANE_ID } from "../../../shared/board";
import type { BoardContextValue } from "../boardContext";
import { CARD_METRICS, cardKey } from "../createBoardLayout";
import { snapToMinute } from "../layout/timeTicks";
import type { CanvasState } from "./createCanvasState";

/**
 * Creating cards: at a lane and time (double-click), or with `n` on your own lane (the
 * timeline for a facilitator) at the middle of the view. The new card is selected, brought
 * into view, and its editor takes the focus so one can type straight away.
 */
export function createCardCreation(ctx: BoardContextValue, canvas: CanvasState) {
  const createAt = (laneId: string, at: number) => {
    const ref = ctx.actions.createCard(laneId, snapToMinute(at));
    if (!ref) return;
    const key = cardKey(ref.id, ref.draft === true);
    canvas.setAutofocusKey(key);
    ctx.selectCard(ref.id);
    // The store catches up in a microtask queued by the change itself, so this runs after it.
    queueMicrotask(() => canvas.reveal(key));
    // Two frames: the card mounts, then its editor (which may mount asynchronously).
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const el = ctx.contentElement()?.querySelector<HTMLElement>(`[data-card-id="${ref.id}"]`);
        if (el && !el.contains(document.activeElement)) {
          (el.querySelector<HTMLElement>("[contenteditable='true']") ?? el).focus();
        }
        // Once only: a card that comes back later (undo of a delete) must not grab the focus.
        if (canvas.autofocusKey() === key) canvas.setAutofocusKey(undefined);
      }),
    );
  };

  const ownLane = () =>
    ctx.session.role === "facilitator" ? TIMELINE_LANE_ID : (ctx.me.laneId ?? TIMELINE_LANE_ID);

  return {
    createAt,
    /** Undefined for people who cannot write anywhere (observers). */
    newCard: () => {
      const lane = ownLane();
      // Centred on the middle of the view, not starting there.
      const half = (CARD_METRICS.widthPx / 2) * ctx.viewport.msPerPx();
      if (ctx.can.writeLane(lane)) createAt(lane, ctx.viewport.centerMs() - half);
    },
    canCreate: () => ctx.can.writeLane(ownLane()),
  };
}
