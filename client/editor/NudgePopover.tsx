import { createEffect, Show } from "solid-js";
import { LANGUAGE_CATEGORY_LABELS, type LanguageCategory } from "../../shared/language";

/** What the popover shows, and the on-screen box (viewport coordinates) it points at. */
export type NudgeNote = {
  category: LanguageCategory;
  suggestion: string;
  anchor: { left: number; top: number; bottom: number };
};

const GAP_PX = 6;
const MARGIN_PX = 8;

/**
 * The suggestion for the underlined phrase under the caret or the pointer. A manual popover
 * sits in the browser's top layer, so a card's clipping or the canvas's zoom transform cannot
 * cut it off. It repeats, visibly, what screen readers get from the editor's description.
 */
export function NudgePopover(props: { note: NudgeNote | undefined }) {
  let element!: HTMLDivElement;

  createEffect(() => {
    const note = props.note;
    if (!note) {
      if (element.matches(":popover-open")) element.hidePopover();
      return;
    }
    if (!element.matches(":popover-open")) element.showPopover();
    // Below the phrase, kept inside the viewport; above it when there is no room below.
    const { width, height } = element.getBoundingClientRect();
    const left = Math.min(
      Math.max(MARGIN_PX, note.anchor.left),
      window.innerWidth - width - MARGIN_PX,
    );
    const below = note.anchor.bottom + GAP_PX;
    const top =
      below + height + MARGIN_PX > window.innerHeight ? note.anchor.top - height - GAP_PX : below;
    element.style.left = `${Math.max(MARGIN_PX, left)}px`;
    element.style.top = `${Math.max(MARGIN_PX, top)}px`;
  });

  return (
    <div ref={element} popover="manual" class="nudge-popover" aria-hidden="true">
      <Show when={props.note}>
        {(note) => (
          <>
            <p class="nudge-popover-kind">{LANGUAGE_CATEGORY_LABELS[note().category]}</p>
            <p>{note().suggestion}</p>
          </>
        )}
      </Show>
    </div>
  );
}
