import type { Editor } from "@tiptap/core";
import {
  createEffect,
  createMemo,
  createSignal,
  createUniqueId,
  onCleanup,
  onMount,
  Show,
} from "solid-js";
import type * as Y from "yjs";
import type { LanguageCategory } from "../../shared/language";
import { type CaretOptions, createRichTextEditor } from "./createRichTextEditor";
import type { Nudge } from "./findNudges";
import { LinkForm } from "./LinkForm";
import { type NudgeNote, NudgePopover } from "./NudgePopover";

export type RichTextEditorProps = {
  fragment: Y.XmlFragment;
  editable: boolean;
  autofocus?: boolean;
  /** Accessible name, e.g. "Card text". */
  label: string;
  placeholder: string;
  /** Other people's carets (shared documents only). */
  carets?: CaretOptions;
  class?: string;
};

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? "⌘" : "Ctrl+";
const SHORTCUTS = `Formatting: ${MOD}B bold, ${MOD}I italic, ${MOD}E code, ${MOD}K link; start a line with "- " for a list.`;
// Enough to act on; the popover and the underline show the rest.
const MAX_NOTES_READ = 3;

function describe(nudges: Nudge[]): string {
  if (nudges.length === 0) return "";
  const count = nudges.length === 1 ? "1 language note" : `${nudges.length} language notes`;
  const items = nudges
    .slice(0, MAX_NOTES_READ)
    .map((n) => `“${n.phrase}”: ${n.suggestion}`)
    .join(" ");
  return `${count}. ${items}`;
}

/**
 * A collaborative rich-text box (Tiptap bound to a Yjs fragment) with the blameless-language
 * nudge: phrases are underlined, the caret or pointer on one shows its suggestion, and the
 * notes are part of the box's accessible description. Used by cards and the shared notes.
 */
export function RichTextEditor(props: RichTextEditorProps) {
  let host!: HTMLDivElement;
  const notesId = createUniqueId();
  const helpId = createUniqueId();
  const [nudges, setNudges] = createSignal<Nudge[]>([]);
  const [selection, setSelection] = createSignal({ from: 0, to: 0 });
  const [focused, setFocused] = createSignal(false);
  const [hovered, setHovered] = createSignal<NudgeNote>();
  const [link, setLink] = createSignal<{
    href: string;
    anchor: { left: number; bottom: number };
  }>();
  let editor: Editor | undefined;

  const openLinkForm = () => {
    if (!editor) return;
    const coords = editor.view.coordsAtPos(editor.state.selection.from);
    const href = (editor.getAttributes("link").href as string | undefined) ?? "";
    setLink({ href, anchor: { left: coords.left, bottom: coords.bottom } });
  };

  onMount(() => {
    editor = createRichTextEditor({
      element: host,
      fragment: props.fragment,
      editable: props.editable,
      autofocus: props.autofocus ?? false,
      label: props.label,
      placeholder: props.placeholder,
      describedBy: `${helpId} ${notesId}`,
      carets: props.carets,
      onNudges: setNudges,
      onLinkShortcut: openLinkForm,
    });
    const track = ({ editor: e }: { editor: Editor }) => {
      const { from, to } = e.state.selection;
      setSelection({ from, to });
    };
    editor.on("selectionUpdate", track);
    editor.on("transaction", track);
    editor.on("focus", () => setFocused(true));
    editor.on("blur", () => setFocused(false));
    // Keys typed here are text: the canvas's single-key shortcuts must not see them. Escape
    // still bubbles, so the board can end editing.
    const keepKeys = (e: KeyboardEvent) => {
      if (e.key !== "Escape") e.stopPropagation();
    };
    const leave = () => setHovered(undefined);
    host.addEventListener("keydown", keepKeys);
    host.addEventListener("pointerover", onPointerOver);
    host.addEventListener("pointerleave", leave);
    onCleanup(() => {
      host.removeEventListener("keydown", keepKeys);
      host.removeEventListener("pointerover", onPointerOver);
      host.removeEventListener("pointerleave", leave);
    });
  });
  onCleanup(() => editor?.destroy());

  createEffect(() => {
    const editable = props.editable;
    if (!editor) return;
    if (editor.isEditable !== editable) editor.setEditable(editable);
    editor.view.dom.setAttribute("aria-readonly", String(!editable));
  });

  // The phrase holding the caret, while the box has focus.
  const caretNote = createMemo((): NudgeNote | undefined => {
    if (!focused() || !editor) return undefined;
    const { from, to } = selection();
    const nudge = nudges().find((n) => from >= n.from && to <= n.to);
    if (!nudge) return undefined;
    const start = editor.view.coordsAtPos(nudge.from);
    return { category: nudge.category, suggestion: nudge.suggestion, anchor: start };
  });

  const onPointerOver = (event: PointerEvent) => {
    const target = event.target instanceof Element ? event.target.closest(".nudge") : null;
    if (!(target instanceof HTMLElement)) return setHovered(undefined);
    const rect = target.getBoundingClientRect();
    setHovered({
      category: target.dataset.category as LanguageCategory,
      suggestion: target.dataset.suggestion ?? "",
      anchor: { left: rect.left, top: rect.top, bottom: rect.bottom },
    });
  };

  return (
    <div class={`rich-text-editor ${props.class ?? ""}`}>
      <div ref={host} class="rich-text-host" />
      <NudgePopover note={hovered() ?? caretNote()} />
      <Show when={link()}>
        {(current) => (
          <LinkForm
            href={current().href}
            anchor={current().anchor}
            onApply={(href, typed) => {
              const e = editor;
              setLink(undefined);
              if (!e) return;
              if (e.state.selection.empty && !e.isActive("link")) {
                e.chain()
                  .focus()
                  .insertContent({
                    type: "text",
                    text: typed,
                    marks: [{ type: "link", attrs: { href } }],
                  })
                  .run();
              } else {
                e.chain().focus().extendMarkRange("link").setLink({ href }).run();
              }
            }}
            onRemove={() => {
              setLink(undefined);
              editor?.chain().focus().extendMarkRange("link").unsetLink().run();
            }}
            onClose={() => {
              if (!link()) return;
              setLink(undefined);
              editor?.commands.focus();
            }}
          />
        )}
      </Show>
      <p id={helpId} class="visually-hidden">
        {props.editable ? SHORTCUTS : ""}
      </p>
      <p id={notesId} class="visually-hidden" aria-live={focused() ? "polite" : "off"}>
        {describe(nudges())}
      </p>
    </div>
  );
}
