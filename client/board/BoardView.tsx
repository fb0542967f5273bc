import { createEffect, createMemo, For, Show } from "solid-js";
import type { Session } from "../sync/createJoinFlow";
import { safeTimeZone } from "../time/zonedTime";
import { createBoardContext } from "./boardContext";
import { ConnectionBadge } from "./ConnectionBadge";
import { groupCardsByLane } from "./groupCardsByLane";
import { LaneRow } from "./LaneRow";

type Props = {
  session: Session;
  /** The sync server refused the session; the page fetches a new token. */
  onSessionEnded: () => void;
};

const ROLE_LABELS = {
  facilitator: "Facilitator",
  participant: "Participant",
  observer: "Observer (read-only)",
} as const;

/** The joined board: header with who you are and the connection, then the lanes as rows. */
export function BoardView(props: Props) {
  // The session is fixed for this view's life; BoardPage remounts it when the token changes.
  const session = props.session;
  const ctx = createBoardContext(session, () => props.onSessionEnded());
  const board = ctx.board;
  const actions = ctx.actions;
  const connection = { status: ctx.status };

  const timeZone = createMemo(() => safeTimeZone(board.info.timezone));
  // The model already orders lanes (timeline first) and cards (by incident time).
  const cardsByLane = createMemo(() => groupCardsByLane(board.cards, board.lanes));
  const names = createMemo(() => {
    const byParticipant = new Map<string, string>();
    for (const lane of board.lanes) {
      if (lane.participantId) byParticipant.set(lane.participantId, lane.name);
    }
    return byParticipant;
  });
  // New cards start at the incident's start when it is known: debriefs look back.
  const defaultAt = createMemo(() => {
    const start = board.info.incidentStart ? Date.parse(board.info.incidentStart) : Number.NaN;
    return Number.isNaN(start) ? Date.now() : start;
  });

  createEffect(() => {
    document.title = board.info.title ? `${board.info.title} — Debrief` : "Debrief";
  });

  return (
    <main class="page board stack-lg">
      <header class="board-header">
        <div class="board-heading">
          <p class="brand-small">Debrief</p>
          <h1>{board.info.title || "Untitled incident"}</h1>
          <p class="hint">
            <Show when={session.name}>
              You are <strong>{session.name}</strong> ·{" "}
            </Show>
            {ROLE_LABELS[session.role]} · times in {timeZone()}
          </p>
        </div>
        <ConnectionBadge status={connection.status()} />
      </header>
      <Show
        when={board.lanes.length > 0}
        fallback={
          <p class="hint">
            {connection.status() === "synced"
              ? "This board has no lanes yet."
              : "Loading the board…"}
          </p>
        }
      >
        <For each={board.lanes}>
          {(lane) => (
            <LaneRow
              lane={lane}
              cards={cardsByLane().get(lane.id) ?? []}
              session={session}
              actions={actions}
              timeZone={timeZone()}
              defaultAt={defaultAt()}
              nameOf={(id) => names().get(id)}
            />
          )}
        </For>
      </Show>
    </main>
  );
}
