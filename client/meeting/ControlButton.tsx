import type { JSX } from "solid-js";

type Props = {
  /** Whether the server would accept the action now. */
  ok: boolean;
  /** Why not, shown as a tooltip and read out with the button. */
  why?: string;
  /** Another request is in flight: clicks wait rather than queue. */
  busy: boolean;
  class?: string;
  onClick(): void;
  children: JSX.Element;
};

/**
 * A facilitator control that is unavailable without being `disabled`: a disabled button drops
 * keyboard focus to the page the moment it changes state, so someone who pressed "Next phase"
 * on the last phase would lose their place. aria-disabled keeps it focusable and says why not.
 */
export function ControlButton(props: Props) {
  return (
    <button
      type="button"
      class={props.class}
      aria-disabled={!props.ok || props.busy}
      title={props.ok ? undefined : props.why}
      onClick={() => {
        if (props.ok && !props.busy) props.onClick();
      }}
    >
      {props.children}
    </button>
  );
}
