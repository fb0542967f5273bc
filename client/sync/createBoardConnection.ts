import { type Accessor, createSignal, onCleanup } from "solid-js";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { Session } from "./createJoinFlow";

/**
 * What the header shows. "connecting" is before the first full sync, "offline" is after
 * losing a connection (the provider keeps retrying), "ended" means the server will not take
 * this session any more and only a fresh token helps.
 */
export type ConnectionStatus = "connecting" | "synced" | "offline" | "ended";

export type BoardConnection = {
  doc: Y.Doc;
  status: Accessor<ConnectionStatus>;
};

/** The sync endpoint on the page's own host, so the dev proxy and production look alike. */
function syncUrl(): string {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}/sync`;
}

/**
 * Open the board's Y.Doc and keep it in sync over the y-websocket protocol. Must run inside
 * a Solid owner: the provider and the doc are destroyed with it. `onEnded` runs once when the
 * session can no longer connect.
 */
export function createBoardConnection(session: Session, onEnded: () => void): BoardConnection {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl(), session.boardId, doc, {
    // The token rides in Sec-WebSocket-Protocol: URLs end up in logs, headers do not.
    protocols: ["debrief.v1", `auth.${session.token}`],
    // Tabs of one browser may hold different roles on the same board; a BroadcastChannel
    // would let an observer tab's local edits reach the server through a facilitator tab.
    // Everything goes through the server, which enforces each connection's role.
    disableBc: true,
    // The provider stops reconnecting on 4400-4499 (session expired: 4401, board full: 4413)
    // and emits "closed"; see server/sync/closeCodes.ts.
  });

  const [status, setStatus] = createSignal<ConnectionStatus>("connecting");
  let everSynced = false;
  const end = () => {
    if (status() === "ended") return;
    setStatus("ended");
    provider.disconnect();
    onEnded();
  };

  provider.on("status", ({ status: next }) => {
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
  provider.on("closed", end);
  // A token that expired while the socket was down is refused at the HTTP handshake, which a
  // browser reports only as a generic failed connection; the expiry time tells them apart.
  provider.on("connection-close", () => {
    if (session.expiresAt !== undefined && Date.now() >= session.expiresAt) end();
  });

  onCleanup(() => {
    provider.destroy();
    doc.destroy();
  });

  return { doc, status };
}
