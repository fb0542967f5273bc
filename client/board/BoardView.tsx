import { createEffect } from "solid-js";
import type { SessionEnd } from "../../shared/session/revocation";
import { MeetingBar } from "../meeting/MeetingBar";
import { SidePanel } from "../panels/SidePanel";
import type { Session } from "../sync/createJoinFlow";
import { BoardHeader } from "./BoardHeader";
import { BoardProvider, createBoardContext } from "./boardContext";
import { BoardCanvas } from "./canvas/BoardCanvas";

type Props = {
  session: Session;
  /** The sync server refused the session; the page fetches a new token. */
  onSessionEnded: (why: SessionEnd) => void;
};

/**
 * The joined board: header, meeting bar, then the canvas with the side panels beside it (the
 * panels fold themselves to a strip).
 */
export function BoardView(props: Props) {
  // The session is fixed for this view's life; BoardPage remounts it when the token changes.
  const ctx = createBoardContext(props.session, (why) => props.onSessionEnded(why));

  createEffect(() => {
    document.title = ctx.board.info.title ? `${ctx.board.info.title} — Debrief` : "Debrief";
  });

  return (
    <BoardProvider value={ctx}>
      <div class="board-app">
        <BoardHeader />
        <MeetingBar />
        <main class="board-main">
          <BoardCanvas />
          <div class="side-column">
            <SidePanel />
          </div>
        </main>
      </div>
    </BoardProvider>
  );
}
