import { Show } from "solid-js";
import type { JoinProblem } from "../sync/createJoinFlow";
import { Notice } from "../ui/Notice";

type Props = {
  problem: JoinProblem;
  message?: string;
  onRetry: () => void;
};

const TEXT: Record<JoinProblem, { title: string; body: string; retry: boolean }> = {
  "missing-key": {
    title: "This link is incomplete",
    body: "Board links end in “#key=…”. Ask the facilitator for the full link.",
    retry: false,
  },
  "invalid-link": {
    title: "This link is not valid",
    body: "This link is not valid — ask the facilitator for a fresh one.",
    retry: false,
  },
  "link-replaced": {
    title: "This link was replaced",
    body: "A facilitator replaced the link you used, so it no longer opens this board. Ask them for the new one.",
    retry: false,
  },
  expired: {
    title: "Your session has expired",
    body: "Open the link you were given again to rejoin the board.",
    retry: true,
  },
  "room-full": {
    title: "This board is full",
    body: "It has as many people connected as the server takes (or your network has as many connections open as it may). Try again when someone has left.",
    retry: true,
  },
  "change-refused": {
    title: "Your last change was too large",
    body: "The server refused a change from this tab as too large for the board: it was not saved, and neither was anything else this tab had not sent yet. Opening the board again shows it as everyone else sees it; make the change in smaller steps.",
    retry: true,
  },
  network: {
    title: "Can't reach Debrief",
    body: "The server did not answer. Check your connection, then try again.",
    retry: true,
  },
  "rate-limited": {
    title: "Too many attempts",
    body: "Wait a minute, then try again.",
    retry: true,
  },
  server: {
    title: "Something went wrong",
    body: "The server could not let you in just now.",
    retry: true,
  },
};

/** Why the board could not be opened, and what the person can do about it. */
export function JoinProblemNotice(props: Props) {
  const text = () => TEXT[props.problem];
  return (
    <Notice tone="error" title={text().title}>
      <p>{text().body}</p>
      <Show when={props.message}>
        <p class="hint">{props.message}</p>
      </Show>
      <Show when={text().retry}>
        <button type="button" onClick={() => props.onRetry()}>
          Try again
        </button>
      </Show>
    </Notice>
  );
}
