import { z } from "zod";

// Tiptap's CollaborationCaret (y-prosemirror's cursor plugin) reads and writes the awareness
// field "cursor" — a name hard-coded on the reading side — while the board's presence uses
// "cursor" for the mouse pointer on the canvas. This view of the board awareness gives the
// editors their own field, "textCaret", so the two never overwrite or misread each other. It
// also passes on only the changes editors care about (carets and names): pointers move twenty
// times a second, and each forwarded change re-renders every mounted editor's carets.

/** The awareness field holding this person's text caret (Yjs relative positions). */
export const TEXT_CARET_FIELD = "textCaret";

/** The part of y-protocols' Awareness that CollaborationCaret and y-prosemirror use. */
export type AwarenessLike = {
  clientID: number;
  getLocalState(): Record<string, unknown> | null;
  setLocalStateField(field: string, value: unknown): void;
  getStates(): Map<number, Record<string, unknown>>;
  on(event: "change" | "update", listener: (...args: unknown[]) => void): void;
  off(event: "change" | "update", listener: (...args: unknown[]) => void): void;
};

export type CaretAwareness = AwarenessLike & {
  readonly states: Map<number, Record<string, unknown>>;
};

// A remote caret is someone else's input: y-prosemirror throws on a malformed relative
// position, which would take the editor's decorations down with it.
const id = z.object({
  client: z.number().int().nonnegative(),
  clock: z.number().int().nonnegative(),
});
const relativePosition = z
  .object({
    type: id.nullish(),
    tname: z.string().max(200).nullish(),
    item: id.nullish(),
    assoc: z.number().int().optional(),
  })
  .refine((p) => p.type != null || p.tname != null || p.item != null);
const caretSchema = z.object({ anchor: relativePosition, head: relativePosition });

function caretOf(state: Record<string, unknown> | null | undefined): unknown {
  const parsed = caretSchema.safeParse(state?.[TEXT_CARET_FIELD]);
  return parsed.success ? state?.[TEXT_CARET_FIELD] : null;
}

/** The state as the editors should see it: the text caret under the name they expect. */
function editorView(state: Record<string, unknown>): Record<string, unknown> {
  const user = typeof state.user === "object" && state.user !== null ? { ...state.user } : {};
  return { ...state, user, cursor: caretOf(state) };
}

const views = new WeakMap<object, CaretAwareness>();

/**
 * Returns the editors' view of a room's awareness (one per awareness, shared by all editors).
 * Setting "user" merges into the presence user instead of replacing it.
 */
export function createCaretAwareness(awareness: AwarenessLike): CaretAwareness {
  const existing = views.get(awareness);
  if (existing) return existing;

  const listeners = {
    change: new Set<(...a: unknown[]) => void>(),
    update: new Set<(...a: unknown[]) => void>(),
  };
  const seen = new Map<number, string>();
  const fingerprint = (state: Record<string, unknown> | undefined) =>
    JSON.stringify([caretOf(state), state?.user ?? null]);

  const onChange = (...args: unknown[]) => {
    let relevant = false;
    const states = awareness.getStates();
    for (const [clientId, state] of states) {
      const print = fingerprint(state);
      if (seen.get(clientId) !== print) {
        seen.set(clientId, print);
        relevant = true;
      }
    }
    for (const clientId of [...seen.keys()]) {
      if (!states.has(clientId)) {
        seen.delete(clientId);
        relevant = true;
      }
    }
    if (!relevant) return;
    for (const listener of [...listeners.change]) listener(...args);
    for (const listener of [...listeners.update]) listener(...args);
  };
  awareness.on("change", onChange);

  const statesView = () => {
    const out = new Map<number, Record<string, unknown>>();
    for (const [clientId, state] of awareness.getStates()) out.set(clientId, editorView(state));
    return out;
  };

  const view: CaretAwareness = {
    get clientID() {
      return awareness.clientID;
    },
    get states() {
      return statesView();
    },
    getStates: statesView,
    getLocalState() {
      const local = awareness.getLocalState();
      return local ? editorView(local) : null;
    },
    setLocalStateField(field, value) {
      if (field === "cursor") {
        awareness.setLocalStateField(TEXT_CARET_FIELD, value);
      } else if (field === "user" && typeof value === "object" && value !== null) {
        const current = awareness.getLocalState()?.user;
        const base = typeof current === "object" && current !== null ? current : {};
        awareness.setLocalStateField("user", { ...base, ...value });
      } else {
        awareness.setLocalStateField(field, value);
      }
    },
    on(event, listener) {
      listeners[event].add(listener);
    },
    off(event, listener) {
      listeners[event].delete(listener);
    },
  };
  views.set(awareness, view);
  return view;
}
