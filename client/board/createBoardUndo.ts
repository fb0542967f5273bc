import { type Accessor, createSignal, onCleanup } from "solid-js";
import * as Y from "yjs";
import { getRoots } from "../../shared/board";

export type BoardUndo = {
  undo(): void;
  redo(): void;
  canUndo: Accessor<boolean>;
  canRedo: Accessor<boolean>;
};

type StackEvent = { stackItem: { meta: Map<unknown, unknown> } };

/**
 * This person's undo and redo over the cards of the board and of their drafts. Each document
 * gets a Yjs UndoManager that tracks only `origin` (the origin of this person's board actions),
 * so undo reverts your own adds, moves, kind changes and deletes, never other people's edits.
 * Typing in a card is the editor's own history. The two stacks are merged by when each step
 * was recorded, so undo always takes back the latest thing you did, wherever it was.
 * Must run inside a Solid owner.
 */
export function createBoardUndo(docs: readonly Y.Doc[], origin: object): BoardUndo {
  let clock = 0;
  const stamp = ({ stackItem }: StackEvent) => {
    stackItem.meta.set("at", ++clock);
  };
  const [canUndo, setCanUndo] = createSignal(false);
  const [canRedo, setCanRedo] = createSignal(false);
  const managers = docs.map((doc) => {
    // captureTimeout 0: every action is its own step; a drag is one action already.
    const manager = new Y.UndoManager(getRoots(doc).cards, {
      trackedOrigins: new Set([origin]),
      captureTimeout: 0,
    });
    manager.on("stack-item-added", stamp);
    return manager;
  });
  const update = () => {
    setCanUndo(managers.some((m) => m.canUndo()));
    setCanRedo(managers.some((m) => m.canRedo()));
  };
  for (const manager of managers) {
    manager.on("stack-item-added", update);
    manager.on("stack-item-popped", update);
    manager.on("stack-cleared", update);
  }
  onCleanup(() => {
    for (const manager of managers) manager.destroy();
  });

  const latest = (stack: "undoStack" | "redoStack") => {
    let best: Y.UndoManager | undefined;
    let bestAt = -1;
    for (const manager of managers) {
      const top = manager[stack][manager[stack].length - 1];
      const at = Number(top?.meta.get("at") ?? -1);
      if (top && at > bestAt) {
        best = manager;
        bestAt = at;
      }
    }
    return best;
  };

  return {
    undo: () => latest("undoStack")?.undo(),
    redo: () => latest("redoStack")?.redo(),
    canUndo,
    canRedo,
  };
}
