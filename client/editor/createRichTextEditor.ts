import { Editor, Extension } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import StarterKit from "@tiptap/starter-kit";
import type * as Y from "yjs";
import { type AwarenessLike, createCaretAwareness } from "./createCaretAwareness";
import { EmptyPlaceholder } from "./EmptyPlaceholder";
import type { Nudge } from "./findNudges";
import { LanguageNudge } from "./LanguageNudge";
import { renderCaret } from "./renderCaret";
import { isSafeHref } from "./safeHref";

export type CaretOptions = {
  awareness: AwarenessLike;
  /** Published on the awareness; merged into the presence user, not replacing it. */
  user: { name: string; color: string } & Record<string, unknown>;
};

export type RichTextEditorOptions = {
  element: HTMLElement;
  fragment: Y.XmlFragment;
  editable: boolean;
  autofocus: boolean;
  /** Accessible name of the text box, e.g. "Card text". */
  label: string;
  placeholder: string;
  /** Ids of elements describing the box (language notes, shortcuts). */
  describedBy: string;
  /** Show other people's carets; omitted for private drafts. */
  carets?: CaretOptions;
  onNudges: (nudges: Nudge[]) => void;
  /** Mod-K: the component opens its link form. */
  onLinkShortcut: () => void;
};

const LinkShortcut = Extension.create<{ open: () => void }>({
  name: "linkShortcut",
  addOptions() {
    return { open: () => {} };
  },
  addKeyboardShortcuts() {
    return {
      "Mod-k": () => {
        if (!this.editor.isEditable) return false;
        this.options.open();
        return true;
      },
    };
  },
});

/**
 * A Tiptap editor bound to a Yjs fragment. The schema is deliberately small — paragraphs,
 * lists, hard breaks, bold, italic, code, links — the structure the report renders, and the
 * same for cards and notes so a fragment never meets an editor that cannot show it.
 */
export function createRichTextEditor(options: RichTextEditorOptions): Editor {
  return new Editor({
    element: options.element,
    editable: options.editable,
    autofocus: options.autofocus ? "end" : false,
    extensions: [
      StarterKit.configure({
        // Collaboration brings its own undo, per person, over Yjs.
        undoRedo: false,
        heading: false,
        codeBlock: false,
        blockquote: false,
        horizontalRule: false,
        strike: false,
        underline: false,
        // It would append paragraphs on load, writing to the shared document just by looking.
        trailingNode: false,
        link: {
          // Clicking should place the caret for editing; read-only links open natively.
          openOnClick: false,
          autolink: true,
          defaultProtocol: "https",
          isAllowedUri: (url) => isSafeHref(url),
          shouldAutoLink: (url) => isSafeHref(url),
          HTMLAttributes: { rel: "noopener noreferrer nofollow", target: "_blank" },
        },
      }),
      Collaboration.configure({ fragment: options.fragment }),
      ...(options.carets
        ? [
            CollaborationCaret.configure({
              provider: { awareness: createCaretAwareness(options.carets.awareness) },
              user: options.carets.user,
              render: renderCaret,
            }),
          ]
        : []),
      LanguageNudge.configure({ onChange: options.onNudges }),
      EmptyPlaceholder.configure({ text: options.placeholder }),
      LinkShortcut.configure({ open: options.onLinkShortcut }),
    ],
    editorProps: {
      // A plain object: Tiptap spreads it into its own defaults. aria-readonly follows the
      // editable state and is kept by the component (see RichTextEditor).
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": options.label,
        "aria-describedby": options.describedBy,
        class: "rich-text",
      },
    },
  });
}
