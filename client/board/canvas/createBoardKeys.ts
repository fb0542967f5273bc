import { onCleanup } from "solid-js";

export type BoardKeyHandlers = {
  newCard(): void;
  zoomIn(): void;
  zoomOut(): void;
  fitAll(): void;
  undo(): void;
  redo(): void;
};

/** Where keys belong to what is being typed, not to the board. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

/**
 * The board's keyboard shortcuts, anywhere on the page except while typing: `n` new card,
 * `+`/`-` zoom, `0` fit all, ctrl/⌘+Z undo, shift+ctrl/⌘+Z (or ctrl+Y) redo. In a card's
 * editor ctrl/⌘+Z is the editor's own text undo.
 */
export function createBoardKeys(handlers: BoardKeyHandlers): void {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.isComposing) return;
    const typing = isTyping(e.target);
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    if (mod && !e.altKey && (key === "z" || key === "y")) {
      if (typing) return;
      e.preventDefault();
      if (key === "y" || e.shiftKey) handlers.redo();
      else handlers.undo();
      return;
    }
    if (typing || mod || e.altKey) return;
    if (key === "n") handlers.newCard();
    else if (key === "+" || key === "=") handlers.zoomIn();
    else if (key === "-" || key === "_") handlers.zoomOut();
    else if (key === "0") handlers.fitAll();
    else return;
    e.preventDefault();
  };
  document.addEventListener("keydown", onKeyDown);
  onCleanup(() => document.removeEventListener("keydown", onKeyDown));
}
