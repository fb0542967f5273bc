import { Show } from "solid-js";
import { PresenceBar } from "../presence/PresenceBar";
import { BoardLinksButton } from "./BoardLinksDialog";
import { useBoard } from "./boardContext";
import { ConnectionBadge } from "./ConnectionBadge";

const ROLE_LABELS = {
  facilitator: "Facilitator",
  participant: "Participant",
  observer: "Observer (read-only)",
} as const;

/** The board's title, who you are, who else is here, and whether what you see is live. */
export function BoardHeader() {
  const ctx = useBoard();
  const role = () =>
    ctx.session.role === "participant" && ctx.canSteer()
      ? "Participant, co-facilitating"
      : ROLE_LABELS[ctx.session.role];
  return (
    <header class="board-header">
      <div class="board-heading">
        <p class="brand-small">Debrief</p>
        <h1>{ctx.board.info.title || "Untitled incident"}</h1>
        <p class="hint">
          <Show when={ctx.session.name}>
            You are{" "}
            <strong>
              <span
                class="swatch inline"
                style={{ "--lane-color": ctx.me.color }}
                aria-hidden="true"
              />
              {ctx.session.name}
            </strong>{" "}
            ·{" "}
          </Show>
          {role()}
        </p>
      </div>
      <div class="header-side">
        <Show when={ctx.session.role === "facilitator"}>
          <BoardLinksButton />
        </Show>
        <PresenceBar />
        <ConnectionBadge status={ctx.status()} />
      </div>
    </header>
  );
}
