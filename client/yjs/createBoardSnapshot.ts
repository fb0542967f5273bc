import { onCleanup } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import type * as Y from "yjs";
import { type BoardSnapshot, getRoots, readBoard } from "../../shared/board";

/**
 * The board document as a read-only Solid store that follows every change, local or remote.
 * The model's `readBoard` does the reading; `reconcile` keyed by id keeps unchanged cards and
 * lanes as the same store nodes, so only the rows that changed re-render.
 * Must run inside a Solid owner: the observers are removed with it.
 */
export function createBoardSnapshot(doc: Y.Doc): BoardSnapshot {
  const [board, setBoard] = createStore<BoardSnapshot>(readBoard(doc));

  // A transaction can touch several roots (say a card and its lane); one re-read covers them
  // all, so refreshes are coalesced to one per microtask.
  let scheduled = false;
  const refresh = () => {
    scheduled = false;
    setBoard(reconcile(readBoard(doc), { key: "id" }));
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(refresh);
  };

  const { board: info, lanes, cards, improvements } = getRoots(doc);
  const roots = [info, lanes, cards, improvements];
  for (const root of roots) root.observeDeep(schedule);
  onCleanup(() => {
    for (const root of roots) root.unobserveDeep(schedule);
  });

  return board;
}
