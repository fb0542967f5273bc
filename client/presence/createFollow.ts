import { type Accessor, createEffect, createSignal, on } from "solid-js";
import type { BoardContextValue } from "../board/boardContext";
import type { Presence } from "./createPresence";

export type Follow = {
  following: Accessor<boolean>;
  /** True once following stopped because this person panned or zoomed themselves. */
  stoppedByMove: Accessor<boolean>;
  start(): void;
  stop(): void;
};

/**
 * "Follow the facilitator": while on, the board shows the view the facilitator broadcasts.
 * The board turns following off whenever this person moves the view themselves
 * (`viewport.set(…, "user")`); that is told apart from pressing the toggle so the bar can say
 * why following stopped. Needs a Solid owner.
 */
export function createFollow(ctx: BoardContextValue, presence: Presence): Follow {
  const [stoppedByMove, setStoppedByMove] = createSignal(false);
  let stoppingOnPurpose = false;

  createEffect(() => {
    if (!ctx.viewport.following()) return;
    // Someone granted the role steers now; they lead rather than follow.
    if (ctx.canSteer()) {
      stoppingOnPurpose = true;
      ctx.viewport.setFollowing(false);
      return;
    }
    const leader = presence.leader();
    if (!leader) return;
    const { startMs, msPerPx, widthPx } = leader.viewport;
    // Centre on the middle of the facilitator's view, so a narrower or wider screen shows
    // what they talk about rather than what happens to sit at their left edge.
    const mine = ctx.viewport.widthPx();
    const shift = widthPx !== undefined && mine > 0 ? ((widthPx - mine) / 2) * msPerPx : 0;
    ctx.viewport.set({ startMs: startMs + shift, msPerPx }, "follow");
  });

  createEffect(
    on(ctx.viewport.following, (following, was) => {
      if (following) setStoppedByMove(false);
      else if (was && !stoppingOnPurpose) setStoppedByMove(true);
      stoppingOnPurpose = false;
    }),
  );

  return {
    following: ctx.viewport.following,
    stoppedByMove,
    start() {
      setStoppedByMove(false);
      ctx.viewport.setFollowing(true);
    },
    stop() {
      stoppingOnPurpose = true;
      ctx.viewport.setFollowing(false);
    },
  };
}
