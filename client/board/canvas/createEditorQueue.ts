import { onCleanup } from "solid-js";

export type EditorQueue = {
  /** Runs `mount` when the browser is idle; returns a function that cancels the request. */
  request(mount: () => void): () => void;
};

// Leave this much of an idle period unused: mounting one editor takes a few ms, and a frame
// that starts late is the stutter this queue exists to avoid.
const RESERVE_MS = 6;

/**
 * Mounts rich-text editors in idle time, a few per idle period. Cards first show their text
 * as plain paragraphs (cheap), and become live Tiptap editors (a ProseMirror view, a Yjs
 * binding and carets each) when the browser has time, or at once when someone points at,
 * focuses or creates one. Panning through hundreds of cards therefore never waits for editors.
 * Needs a Solid owner.
 */
export function createEditorQueue(): EditorQueue {
  const pending = new Set<() => void>();
  let handle: number | undefined;
  const idle =
    typeof requestIdleCallback === "function"
      ? (fn: IdleRequestCallback) => requestIdleCallback(fn, { timeout: 2_000 })
      : (fn: IdleRequestCallback) =>
          window.setTimeout(() => fn({ didTimeout: true, timeRemaining: () => 8 }), 50);
  const cancelIdle =
    typeof cancelIdleCallback === "function" ? cancelIdleCallback : window.clearTimeout;

  const run: IdleRequestCallback = (deadline) => {
    handle = undefined;
    for (const mount of pending) {
      if (deadline.timeRemaining() < RESERVE_MS && !deadline.didTimeout) break;
      pending.delete(mount);
      mount();
      // A timed-out request still mounts only one editor per turn.
      if (deadline.didTimeout) break;
    }
    if (pending.size > 0) handle = idle(run);
  };

  onCleanup(() => {
    if (handle !== undefined) cancelIdle(handle);
    pending.clear();
  });

  return {
    request(mount) {
      pending.add(mount);
      if (handle === undefined) handle = idle(run);
      return () => pending.delete(mount);
    },
  };
}
