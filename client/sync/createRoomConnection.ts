import { type Accessor, createSignal, onCleanup } from "solid-js";
import { IndexeddbPersistence } from "y-indexeddb";
import type { Awareness } from "y-protocols/awareness";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import {
  type SessionEnd,
  sessionEndFor,
  sessionEndForClose,
} from "../../shared/session/revocation";
import { ApiError } from "./ApiError";
import { fetchBoard } from "./boardsApi";
import type { Session } from "./createJoinFlow";

/**
 * What the header shows. "connecting" is before the first full sync, "offline" is after
 * losing a connection (the provider keeps retrying), "ended" means the server will not take
 * this session any more and only a fresh token helps.
 */
export type ConnectionStatus = "connecting" | "synced" | "offline" | "ended";

export type RoomConnection = {
  doc: Y.Doc;
  awareness: Awareness;
  status: Accessor<ConnectionStatus>;
};

// Failed connections in a row before the API is asked whether the session still stands.
const CHECK_AFTER_FAILURES = 3;

/** The sync endpoint on the page's own host, so the dev proxy and production look alike. */
function syncUrl(): string {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}/sync`;
}

/**
 * Opens one room's Y.Doc and keeps it in sync over the y-websocket protocol. Must run inside a
 * Solid owner: the provider and the doc are destroyed with it. `offline: true` also keeps the
 * doc in IndexedDB, so edits made without a connection survive a reload and sync on reconnect.
 * `onEnded` runs once when the session can no longer connect, saying why.
 */
export function createRoomConnection(
  session: Session,
  room: string,
  options: { offline?: boolean; onEnded?: (why: SessionEnd) => void } = {},
): RoomConnection {
  const doc = new Y.Doc();
  // Per board, participant and room: two people sharing a browser keep separate copies.
  const persistence = options.offline
    ? new IndexeddbPersistence(`debrief:${room}:${session.participantId}`, doc)
    : undefined;
  const provider = new WebsocketProvider(syncUrl(), room, doc, {
    // The token rides in Sec-WebSocket-Protocol: URLs end up in logs, headers do not.
    protocols: ["debrief.v1", `auth.${session.token}`],
    // Tabs of one browser may hold different roles on the same board; a BroadcastChannel
    // would let an observer tab's local edits reach the server through a facilitator tab.
    // Everything goes through the server, which enforces each connection's role.
    disableBc: true,
    // The provider stops reconnecting on 4400-4499 (session expired or link replaced: 4401,
    // change too large: 4413, room full: 4429) and emits "closed"; see
    // shared/session/closeCodes.ts.
  });

  const [status, setStatus] = createSignal<ConnectionStatus>("connecting");
  let everSynced = false;
  const end = (why: SessionEnd) => {
    if (status() === "ended") return;
    setStatus("ended");
    provider.disconnect();
    // The refused change is in the offline copy: kept, it would be sent (and refused) again
    // on every reopening.
    if (why === "change-refused") void persistence?.clearData();
    options.onEnded?.(why);
  };

  // Failed connections in a row (see "connection-close").
  let failures = 0;
  provider.on("status", ({ status: next }) => {
    if (next === "connected") failures = 0;
    if (status() === "ended") return;
    if (next === "disconnected") setStatus("offline");
    // Reconnect attempts stay "offline" until they sync, so the badge does not flicker.
    else if (next === "connecting" && !everSynced) setStatus("connecting");
  });
  provider.on("sync", (synced) => {
    if (synced && status() !== "ended") {
      everSynced = true;
      setStatus("synced");
    }
  });
  provider.on("closed", ({ code, reason }) => end(sessionEndForClose(code, reason)));
  // A token refused at the HTTP handshake (it expired, or its link was replaced, while the
  // socket was down) looks to the page like any failed connection: the expiry time tells the
  // first apart, and every few failures in a row the API is asked about the session.
  provider.on("connection-close", () => {
    if (session.expiresAt !== undefined && Date.now() >= session.expiresAt) end("expired");
    else if (++failures % CHECK_AFTER_FAILURES === 0) void checkSession();
  });
  const checkSession = async () => {
    try {
      await fetchBoard(session.boardId, session.token);
    } catch (error) {
      // Unreachable or refusing for another reason: the provider goes on retrying.
      if (error instanceof ApiError && error.kind === "unauthorized") {
        end(sessionEndFor(error.message));
      }
    }
  };

  onCleanup(() => {
    provider.destroy();
    void persistence?.destroy();
    doc.destroy();
  });

  return { doc, awareness: provider.awareness, status };
}
