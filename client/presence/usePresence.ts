import { createRoot, onCleanup } from "solid-js";
import { type BoardContextValue, useBoard } from "../board/boardContext";
import { createPresence, type Presence } from "./createPresence";

type Shared = { presence: Presence; users: number; dispose(): void };

// One presence per board context, however many components show it (the header's avatars, the
// cursors in the lanes, the meeting bar): they are mounted in different places by the board,
// and two owners of one awareness state would overwrite each other.
const shared = new WeakMap<BoardContextValue, Shared>();

/** The board's presence, created by the first component that asks and kept while any is shown. */
export function usePresence(): Presence {
  const ctx = useBoard();
  let entry = shared.get(ctx);
  if (!entry) {
    entry = createRoot((dispose) => ({ presence: createPresence(ctx), users: 0, dispose }));
    shared.set(ctx, entry);
  }
  const mine = entry;
  mine.users++;
  onCleanup(() => {
    mine.users--;
    if (mine.users > 0) return;
    shared.delete(ctx);
    mine.dispose();
  });
  return mine.presence;
}
