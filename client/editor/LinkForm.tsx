import { createSignal, createUniqueId, onMount, Show } from "solid-js";
import { toSafeHref } from "./safeHref";

type Props = {
  /** The link under the caret, if any. */
  href: string;
  anchor: { left: number; bottom: number };
  onApply: (href: string, typed: string) => void;
  onRemove: () => void;
  /** Close without changes; the editor takes focus back. */
  onClose: () => void;
};

/**
 * The small form behind Ctrl/⌘+K: add, change or remove the link at the caret. Only web and
 * mail addresses are accepted. A manual popover, so a card's edges do not clip it.
 */
export function LinkForm(props: Props) {
  let element!: HTMLFormElement;
  let input!: HTMLInputElement;
  const id = createUniqueId();
  const [value, setValue] = createSignal(props.href);
  const [error, setError] = createSignal("");

  onMount(() => {
    element.showPopover();
    element.style.left = `${Math.max(8, Math.min(props.anchor.left, window.innerWidth - element.offsetWidth - 8))}px`;
    element.style.top = `${props.anchor.bottom + 6}px`;
    input.focus();
    input.select();
  });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const href = toSafeHref(value());
    if (!href) {
      setError("Use a web address (https://…) or an email address.");
      return;
    }
    props.onApply(href, value().trim());
  };

  return (
    <form
      ref={element}
      popover="manual"
      class="link-form"
      aria-label="Link"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          e.stopPropagation();
          props.onClose();
        }
      }}
      onFocusOut={(e) => {
        // Leaving the form (not moving between its fields) cancels, like a menu.
        if (!element.contains(e.relatedTarget as Node | null)) props.onClose();
      }}
    >
      <label for={id}>Link address</label>
      <input
        id={id}
        ref={input}
        type="text"
        inputmode="url"
        autocomplete="off"
        spellcheck={false}
        placeholder="https://…"
        value={value()}
        onInput={(e) => {
          setValue(e.currentTarget.value);
          setError("");
        }}
        aria-invalid={error() ? "true" : undefined}
        aria-describedby={error() ? `${id}-error` : undefined}
      />
      <Show when={error()}>
        <p id={`${id}-error`} class="form-error" role="alert">
          {error()}
        </p>
      </Show>
      <div class="link-form-actions">
        <button type="submit" class="primary">
          Apply
        </button>
        <Show when={props.href}>
          <button type="button" onClick={() => props.onRemove()}>
            Remove link
          </button>
        </Show>
        <button type="button" class="quiet" onClick={() => props.onClose()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
