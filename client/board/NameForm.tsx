import { createSignal, Show } from "solid-js";
import { LIMITS } from "../../shared/board";

// The same limit the API and the board model apply to names.
const NAME_MAX = LIMITS.nameLength;

type Props = {
  error?: string;
  onSubmit: (name: string) => void;
};

/** Asked once per board: the name others see on your lane and cards. */
export function NameForm(props: Props) {
  const [name, setName] = createSignal("");

  return (
    <form
      class="card-panel stack"
      aria-labelledby="name-heading"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit(name());
      }}
    >
      <h2 id="name-heading">Join the debrief</h2>
      <div class="field">
        <label for="display-name">Your name</label>
        <input
          id="display-name"
          type="text"
          required
          autofocus
          autocomplete="name"
          maxLength={NAME_MAX}
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
          aria-describedby="display-name-hint"
        />
        <p id="display-name-hint" class="hint">
          Shown on your lane and your cards. This browser remembers it for this board.
        </p>
      </div>
      <Show when={props.error}>
        <p class="form-error" role="alert">
          {props.error}
        </p>
      </Show>
      <div>
        <button type="submit" class="primary">
          Join
        </button>
      </div>
    </form>
  );
}
