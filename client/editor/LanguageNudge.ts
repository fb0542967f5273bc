import { Extension } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { type EditorState, Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { findNudges, type Nudge } from "./findNudges";

// Re-check once the writer pauses: underlines appearing mid-word while someone is still typing
// would be noise, and a settled sentence is what the check is meant to read.
const TYPING_PAUSE_MS = 500;
const RECHECK = "recheck";

/** The underlines, and whether local typing has happened since they were computed. */
type NudgeState = { set: DecorationSet; stale: boolean };

export const languageNudgeKey = new PluginKey<NudgeState>("languageNudge");

export type LanguageNudgeOptions = {
  /** Called with the current nudges whenever they change (after a pause or a remote edit). */
  onChange: (nudges: Nudge[]) => void;
};

function decorate(doc: ProseMirrorNode): NudgeState {
  const decorations = findNudges(doc).map((nudge) =>
    Decoration.inline(
      nudge.from,
      nudge.to,
      {
        class: `nudge nudge-${nudge.category}`,
        "data-rule": nudge.ruleId,
        "data-category": nudge.category,
        "data-suggestion": nudge.suggestion,
      },
      { nudge },
    ),
  );
  return { set: DecorationSet.create(doc, decorations), stale: false };
}

/** The nudges of an editor state, at their current (mapped) positions. */
export function readNudges(state: EditorState): Nudge[] {
  const set = languageNudgeKey.getState(state)?.set;
  if (!set) return [];
  return set
    .find()
    .map((d) => ({ ...(d.spec.nudge as Nudge), from: d.from, to: d.to }))
    .sort((a, b) => a.from - b.from);
}

// Remote edits and the first render from Yjs are not someone typing here: check them at once.
const fromYjs = (tr: Transaction) => tr.getMeta(ySyncPluginKey) !== undefined;

/**
 * Underlines blaming, counterfactual and hindsight wording in every text block, using the
 * shared `checkLanguage`; the underline carries the suggestion for tooltips and popovers.
 */
export const LanguageNudge = Extension.create<LanguageNudgeOptions>({
  name: "languageNudge",

  addOptions() {
    return { onChange: () => {} };
  },

  addProseMirrorPlugins() {
    const { onChange } = this.options;
    return [
      new Plugin<NudgeState>({
        key: languageNudgeKey,
        state: {
          init: (_, state) => decorate(state.doc),
          apply(tr, current, _old, state) {
            if (tr.getMeta(languageNudgeKey) === RECHECK) return decorate(state.doc);
            if (!tr.docChanged) return current;
            if (fromYjs(tr)) return decorate(state.doc);
            return { set: current.set.map(tr.mapping, tr.doc), stale: true };
          },
        },
        props: {
          decorations: (state) => languageNudgeKey.getState(state)?.set,
        },
        view(view) {
          let timer: ReturnType<typeof setTimeout> | undefined;
          let destroyed = false;
          onChange(readNudges(view.state));
          return {
            update(view, previous) {
              const before = languageNudgeKey.getState(previous);
              const after = languageNudgeKey.getState(view.state);
              if (before?.set !== after?.set) onChange(readNudges(view.state));
              if (!after?.stale || before === after) return;
              clearTimeout(timer);
              timer = setTimeout(() => {
                if (!destroyed) view.dispatch(view.state.tr.setMeta(languageNudgeKey, RECHECK));
              }, TYPING_PAUSE_MS);
            },
            destroy() {
              destroyed = true;
              clearTimeout(timer);
            },
          };
        },
      }),
    ];
  },
});
