import { createEffect } from "solid-js";

/**
 * Shows a `<dialog>` as a modal while `open()` holds and closes it when it stops: the browser
 * then traps focus, handles Escape and restores focus on close. Runs inside a component.
 */
export function showModalWhile(dialog: () => HTMLDialogElement | undefined, open: () => boolean) {
  createEffect(() => {
    const element = dialog();
    if (!element) return;
    if (open() && !element.open) element.showModal();
    if (!open() && element.open) element.close();
  });
}
