import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

export type EmptyPlaceholderOptions = { text: string };

/**
 * Shows `text` in an empty, editable document (CSS draws `data-placeholder` on `.is-empty`).
 * A dozen lines instead of another package; read-only editors stay blank.
 */
export const EmptyPlaceholder = Extension.create<EmptyPlaceholderOptions>({
  name: "emptyPlaceholder",

  addOptions() {
    return { text: "" };
  },

  addProseMirrorPlugins() {
    const { editor } = this;
    const text = this.options.text;
    return [
      new Plugin({
        key: new PluginKey("emptyPlaceholder"),
        props: {
          decorations(state) {
            const { doc } = state;
            const only = doc.firstChild;
            const empty = doc.childCount === 1 && only?.isTextblock && only.content.size === 0;
            if (!empty || !only || !editor.isEditable) return null;
            return DecorationSet.create(doc, [
              Decoration.node(0, only.nodeSize, { class: "is-empty", "data-placeholder": text }),
            ]);
          },
        },
      }),
    ];
  },
});
