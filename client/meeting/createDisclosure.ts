import { type Accessor, createEffect, createSignal, createUniqueId, onCleanup } from "solid-js";

export type Disclosure = {
  open: Accessor<boolean>;
  toggle(): void;
  /** Closes; `returnFocus` puts focus back on the button, as after Escape or a choice. */
  close(returnFocus?: boolean): void;
  panelId: string;
  setRoot(el: HTMLElement): void;
  setButton(el: HTMLButtonElement): void;
};

/**
 * A button that shows and hides a small panel (the phase menu, the hand-over list): closes on
 * Escape, on a click elsewhere and when focus leaves, and puts focus back where it came from.
 * A disclosure rather than an ARIA menu: its items are ordinary buttons, reachable with Tab.
 */
export function createDisclosure(): Disclosure {
  const [open, setOpen] = createSignal(false);
  const panelId = createUniqueId();
  let root: HTMLElement | undefined;
  let button: HTMLButtonElement | undefined;

  const close = (returnFocus = false) => {
    setOpen(false);
    if (returnFocus) button?.focus();
  };

  createEffect(() => {
    if (!open() || !root) return;
    const container = root;
    const onPointerDown = (event: PointerEvent) => {
      if (!container.contains(event.target as Node)) close();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        event.stopPropagation();
        close(true);
      }
    };
    const onFocusOut = (event: FocusEvent) => {
      const next = event.relatedTarget as Node | null;
      if (next && !container.contains(next)) close();
    };
    document.addEventListener("pointerdown", onPointerDown);
    container.addEventListener("keydown", onKeyDown);
    container.addEventListener("focusout", onFocusOut);
    onCleanup(() => {
      document.removeEventListener("pointerdown", onPointerDown);
      container.removeEventListener("keydown", onKeyDown);
      container.removeEventListener("focusout", onFocusOut);
    });
  });

  return {
    open,
    toggle: () => setOpen(!open()),
    close,
    panelId,
    setRoot: (el) => {
      root = el;
    },
    setButton: (el) => {
      button = el;
    },
  };
}
