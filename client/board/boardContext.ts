import { type Accessor, createContext, createMemo, createSignal, useContext } from "solid-js";
import type * as Y from "yjs";
import {
  type BoardSnapshot,
  type Card,
  colorForParticipant,
  laneIdForParticipant,
} from "../../shared/board";
import { currentPhase, type MeetingSnapshot, type Phase } from "../../shared/meeting";
import type { SessionEnd } from "../../shared/session/revocation";
import type { Session } from "../sync/createJoinFlow";
import {
  type ConnectionStatus,
  createRoomConnection,
  type RoomConnection,
} from "../sync/createRoomConnection";
import { createServerClock, type ServerClock } from "../sync/serverClock";
import { createBoardSnapshot } from "../yjs/createBoardSnapshot";
import { createDraftCards } from "../yjs/createDraftCards";
import { createMeetingSnapshot } from "../yjs/createMeetingSnapshot";
import { type BoardActions, createBoardActions } from "./createBoardActions";
import { type BoardLayoutState, createBoardLayout, type LaneGeometry } from "./createBoardLayout";
import { type BoardUndo, createBoardUndo } from "./createBoardUndo";
import { canEditCard, canMarkNewToMe, canVote, canWriteLane } from "./permissions";
import { createViewport, type Viewport } from "./viewport";

/**
 * Everything a board screen needs, created once per joined session and handed down through
 * context: the three documents (board, meeting, own drafts) and their stores, the server
 * clock, the viewport, the selected card, and what this person may do.
 */
export type BoardContextValue = {
  session: Session;
  /** The board document; commands from shared/board run on it. */
  doc: Y.Doc;
  board: BoardSnapshot;
  /** Presence on the board room: name, colour, cursor, viewport, ready. */
  boardConnection: RoomConnection;
  status: Accessor<ConnectionStatus>;
  meeting: MeetingSnapshot;
  /** The current phase, or undefined before the meeting document has loaded. */
  phase: Accessor<Phase | undefined>;
  /** A private-writing phase is under way: participants write into their drafts. */
  privateWriting: Accessor<boolean>;
  voting: Accessor<boolean>;
  /** This participant's drafts (empty for facilitators and observers). */
  drafts: { doc: Y.Doc | undefined; cards: Accessor<Card[]> };
  clock: ServerClock;
  viewport: Viewport;
  selectedCardId: Accessor<string | undefined>;
  selectCard(id: string | undefined): void;
  /** The facilitator by key, or a participant the role was granted to. */
  canSteer: Accessor<boolean>;
  me: { name: string; color: string; laneId: string | undefined };
  actions: BoardActions;
  /** What this person may do, with facilitator rights granted mid-meeting taken into account. */
  can: {
    writeLane(laneId: string): boolean;
    editCard(card: { authorId: string }): boolean;
    markNewToMe(card: { authorId: string }): boolean;
    vote(): boolean;
  };
  /** This person's undo/redo of their own card changes (ctrl/⌘+Z, shift+ctrl/⌘+Z). */
  undo: BoardUndo;
  /** Where every shown card sits (board cards and your drafts). */
  layout: BoardLayoutState;
  /**
   * Each lane's band, top to bottom, in px relative to `contentElement` (the lanes' content,
   * which scrolls vertically inside the canvas; x within it is `viewport.xAt(ms)`).
   */
  laneGeometry: Accessor<LaneGeometry[]>;
  contentElement: Accessor<HTMLElement | undefined>;
  /** Set by the board canvas only. */
  setContentElement(element: HTMLElement | undefined): void;
};

const BoardContext = createContext<BoardContextValue>();
export const BoardProvider = BoardContext.Provider;

/** The current board's context; components under BoardView only. */
export function useBoard(): BoardContextValue {
  const value = useContext(BoardContext);
  if (!value) throw new Error("useBoard() outside a BoardProvider");
  return value;
}

const HOUR = 3_600_000;

/** Opens the board's rooms for this session and builds the context. Needs a Solid owner. */
export function createBoardContext(
  session: Session,
  onEnded: (why: SessionEnd) => void,
): BoardContextValue {
  // The board is its three rooms: when any of them ends for good (its session expired, it is
  // full, a change to it was refused), the page says so, once, rather than going on with a
  // meeting bar or drafts that silently stopped following.
  let ended = false;
  const endOnce = (why: SessionEnd) => {
    if (ended) return;
    ended = true;
    onEnded(why);
  };
  const boardConnection = createRoomConnection(session, session.boardId, {
    offline: true,
    onEnded: endOnce,
  });
  const meetingConnection = createRoomConnection(session, `${session.boardId}/meeting`, {
    onEnded: endOnce,
  });
  const draftsConnection =
    session.role === "participant"
      ? createRoomConnection(session, `${session.boardId}/drafts/${session.participantId}`, {
          offline: true,
          onEnded: endOnce,
        })
      : undefined;

  const board = createBoardSnapshot(boardConnection.doc);
  const meeting = createMeetingSnapshot(meetingConnection.doc);
  const phase = createMemo(() => (meeting.state ? currentPhase(meeting.state) : undefined));
  const running = () => meeting.state?.status === "running" || meeting.state?.status === "paused";
  const privateWriting = () => running() && phase()?.private === true;
  const [selectedCardId, selectCard] = createSignal<string>();
  const [contentElement, setContentElement] = createSignal<HTMLElement>();
  const start = Date.parse(board.info.incidentStart ?? "");
  const viewport = createViewport({
    startMs: (Number.isNaN(start) ? Date.now() : start) - 15 * 60_000,
    msPerPx: HOUR / 600,
  });
  const canSteer = () =>
    session.role === "facilitator" || meeting.facilitators.includes(session.participantId);
  const who = () => ({
    role: session.role,
    participantId: session.participantId,
    steer: canSteer(),
  });
  const draftCards = draftsConnection ? createDraftCards(draftsConnection.doc) : () => [];
  // Every change this person makes through `actions` carries this origin; see createBoardUndo.
  const origin = { by: session.participantId };
  const docs = [boardConnection.doc, ...(draftsConnection ? [draftsConnection.doc] : [])];
  const layout = createBoardLayout({ board, drafts: draftCards, msPerPx: viewport.msPerPx });

  return {
    session,
    doc: boardConnection.doc,
    board,
    boardConnection,
    status: boardConnection.status,
    meeting,
    phase,
    privateWriting,
    voting: () => running() && phase()?.voting === true,
    drafts: { doc: draftsConnection?.doc, cards: draftCards },
    clock: createServerClock(),
    viewport,
    selectedCardId,
    selectCard,
    canSteer,
    me: {
      name: session.name,
      color: colorForParticipant(session.participantId),
      laneId:
        session.role === "participant" ? laneIdForParticipant(session.participantId) : undefined,
    },
    actions: createBoardActions({
      doc: boardConnection.doc,
      draftsDoc: draftsConnection?.doc,
      session,
      canSteer,
      privateWriting,
      origin,
    }),
    can: {
      writeLane: (laneId) => canWriteLane(who(), laneId),
      editCard: (card) => canEditCard(who(), card),
      markNewToMe: (card) => canMarkNewToMe(who(), card),
      vote: () => canVote(who()),
    },
    undo: createBoardUndo(docs, origin),
    layout,
    laneGeometry: layout.laneGeometry,
    contentElement,
    setContentElement,
  };
}
