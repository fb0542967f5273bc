import { type Accessor, createEffect, createMemo, createSignal, on, onCleanup } from "solid-js";
import type { BoardContextValue } from "../board/boardContext";
import { createPeerStates } from "./createPeerStates";
import { type PersonHere, peopleHere } from "./peopleHere";
import type { Peer, PresenceCursor, PresenceUser, PresenceViewport } from "./presenceState";
import { throttle } from "./throttle";

/** Someone else's pointer over the board, in board coordinates. */
export type RemoteCursor = { clientId: number; name: string; color: string } & PresenceCursor;

export type Presence = {
  /** Everyone's validated state, this browser's included. */
  peers: Accessor<Peer[]>;
  people: Accessor<PersonHere[]>;
  /** Other people's pointers over the lanes (never this person's, from any of their tabs). */
  cursors: Accessor<RemoteCursor[]>;
  /** The view a facilitator broadcasts, for "follow the facilitator". */
  leader: Accessor<{ name: string; viewport: PresenceViewport } | undefined>;
  ready: Accessor<boolean>;
  setReady(ready: boolean): void;
  /** Where this person's pointer is on the board; null when it leaves. Throttled. */
  setCursor(cursor: PresenceCursor | null): void;
};

// ~20 pointer updates a second look fluid and keep a busy room's relay traffic modest.
const CURSOR_INTERVAL_MS = 50;
// The view changes in bigger steps (zoom, pan); ten a second is smooth enough to follow.
const VIEWPORT_INTERVAL_MS = 100;

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** This person as everyone's presence shows them. */
export function presenceUser(ctx: Pick<BoardContextValue, "session" | "me">): PresenceUser {
  return {
    name: ctx.session.name || "Someone",
    color: ctx.me.color,
    participantId: ctx.session.participantId,
    role: ctx.session.role,
  };
}

/**
 * Owns this browser's presence on the board room's awareness, `{ user, cursor, viewport,
 * ready }` (see presenceState.ts), and reads everyone else's. Other fields on the same state
 * (the editors' text carets) are left alone. Needs a Solid owner; clears the pointer and the
 * view when disposed (the provider removes the whole state when the connection closes).
 */
export function createPresence(ctx: BoardContextValue): Presence {
  const awareness = ctx.boardConnection.awareness;
  const user = presenceUser(ctx);
  const [ready, setReadySignal] = createSignal(false);

  awareness.setLocalState({
    ...(awareness.getLocalState() ?? {}),
    user,
    cursor: null,
    viewport: null,
    ready: false,
  });

  // Whoever else writes `user` here (an editor setting its caret label) must not drop the
  // participant id and role that avatars and cursors rely on: merge them back in.
  const keepUser = () => {
    const current = awareness.getLocalState()?.user as Partial<PresenceUser> | undefined;
    if (current && (current.participantId !== user.participantId || current.role !== user.role)) {
      awareness.setLocalStateField("user", { ...current, ...user });
    }
  };
  awareness.on("change", keepUser);
  onCleanup(() => awareness.off("change", keepUser));

  const sendCursor = throttle<PresenceCursor | null>(
    (cursor) => awareness.setLocalStateField("cursor", cursor),
    CURSOR_INTERVAL_MS,
  );
  const sendViewport = throttle<PresenceViewport | null>(
    (viewport) => awareness.setLocalStateField("viewport", viewport),
    VIEWPORT_INTERVAL_MS,
  );

  // Facilitators (by key or grant) broadcast what they look at; everyone else sends nothing.
  createEffect(() => {
    if (!ctx.canSteer()) {
      sendViewport.cancel();
      if (awareness.getLocalState()?.viewport != null) {
        awareness.setLocalStateField("viewport", null);
      }
      return;
    }
    const widthPx = ctx.viewport.widthPx();
    sendViewport({
      startMs: ctx.viewport.startMs(),
      msPerPx: ctx.viewport.msPerPx(),
      ...(widthPx > 0 ? { widthPx: Math.round(widthPx) } : {}),
    });
  });

  function setReady(next: boolean) {
    setReadySignal(next);
    awareness.setLocalStateField("ready", next);
  }
  // "Ready" means ready with this phase: a new phase (or the same one started over) clears it.
  createEffect(
    on(
      () => `${ctx.meeting.state?.phaseIndex}:${ctx.meeting.history.length}`,
      () => {
        if (ready()) setReady(false);
      },
      { defer: true },
    ),
  );

  onCleanup(() => {
    sendCursor.cancel();
    sendViewport.cancel();
    if (awareness.getLocalState()) {
      awareness.setLocalStateField("cursor", null);
      awareness.setLocalStateField("viewport", null);
    }
  });

  const peers = createPeerStates(awareness);
  // Pointers move many times a second; the avatars and the followed view change rarely, so
  // these memos only notify when their content really changed.
  const people = createMemo(
    () => peopleHere(peers(), ctx.meeting.facilitators, ctx.session.participantId),
    [],
    { equals: sameJson },
  );
  const cursors = createMemo(() =>
    peers().flatMap((peer): RemoteCursor[] =>
      peer.cursor && peer.user.participantId !== user.participantId
        ? [
            {
              clientId: peer.clientId,
              name: peer.user.name,
              color: peer.user.color,
              ...peer.cursor,
            },
          ]
        : [],
    ),
  );
  const leader = createMemo(
    () => {
      const steering = peers().filter(
        (peer) =>
          peer.viewport !== null &&
          peer.user.participantId !== user.participantId &&
          (peer.user.role === "facilitator" ||
            ctx.meeting.facilitators.includes(peer.user.participantId)),
      );
      // The facilitator by key leads when present; among several, the lowest client id, so every
      // follower picks the same one.
      steering.sort(
        (a, b) =>
          Number(b.user.role === "facilitator") - Number(a.user.role === "facilitator") ||
          a.clientId - b.clientId,
      );
      const first = steering[0];
      return first?.viewport ? { name: first.user.name, viewport: first.viewport } : undefined;
    },
    undefined,
    { equals: sameJson },
  );

  return {
    peers,
    people,
    cursors,
    leader,
    ready,
    setReady,
    setCursor(cursor) {
      if (cursor === null) {
        // Leaving is sent at once: a cursor lingering where someone left looks like they stayed.
        sendCursor.cancel();
        if (awareness.getLocalState()?.cursor != null) {
          awareness.setLocalStateField("cursor", null);
        }
        return;
      }
      sendCursor(cursor);
    },
  };
}
