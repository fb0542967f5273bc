import { createSignal, createUniqueId, onCleanup } from "solid-js";

type Props = {
  /** Visible label of the field, e.g. "Participant link". */
  label: string;
  value: string;
};

/**
 * A read-only text field with a copy button. Where the Clipboard API is missing or refused
 * (plain http, old browsers) the text is selected instead, so Ctrl/Cmd+C finishes the job.
 */
export function CopyField(props: Props) {
  const id = createUniqueId();
  let input!: HTMLInputElement;
  const [message, setMessage] = createSignal("");
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  const say = (text: string) => {
    setMessage(text);
    clearTimeout(timer);
    timer = setTimeout(() => setMessage(""), 4000);
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.value);
      say("Copied");
    } catch {
      input.focus();
      input.select();
      say("Selected — press Ctrl+C (⌘C on a Mac) to copy");
    }
  };

  return (
    <div class="copy-field">
      <label for={id}>{props.label}</label>
      <div class="copy-field-row">
        <input
          id={id}
          ref={input}
          type="text"
          readOnly
          value={props.value}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" onClick={copy} aria-label={`Copy ${props.label.toLowerCase()}`}>
          Copy
        </button>
      </div>
      <p class="copy-field-status" role="status" aria-live="polite">
        {message()}
      </p>
    </div>
  );
}
