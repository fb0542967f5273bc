import { type IncomingMessage, STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import type { Hono } from "hono";
import type { WebSocket, WebSocketServer } from "ws";
import { CLOSE } from "../../shared/session/closeCodes";
import { LINK_REPLACED, type LinkCheck } from "../auth/linkCheck";
import type { Session, TokenSigner } from "../auth/tokens";
import { requestAddress } from "../ops/clientAddress";
import type { Logger } from "../ops/log";
import type { ServerMetrics } from "../ops/metrics";
import type { OriginPolicy } from "../ops/originPolicy";
import { type ConnectionLimits, SyncConnection } from "./connection";
import type { ConnectionLimitsCounter } from "./connectionLimits";
import { HeldRefusals } from "./heldRefusals";
import {
  type BudgetRegistry,
  bucketKey,
  createBudgetRegistry,
  msUntilReadmitted,
} from "./rateLimit";
import { RefusalMemo, requestPath } from "./refusalMemo";
import type { RoomManager } from "./roomManager";
import { type Access, accessFor, parseRoomName } from "./roomName";

export const SUBPROTOCOL = "debrief.v1";
const AUTH_PREFIX = "auth.";
const SYNC_PREFIX = "/sync/";

type SyncDeps = {
  rooms: RoomManager;
  tokens: TokenSigner;
  metrics: ServerMetrics;
  log: Logger;
  origins: OriginPolicy;
  limits: ConnectionLimits;
  /** Open connections per room and per address. */
  counter: ConnectionLimitsCounter;
  trustProxy: boolean;
  /** Completes upgrades (`noServer`); its `clients` are every open sync socket. */
  wss: WebSocketServer;
  /** Sessions issued for a link replaced since are refused, and closed when open. */
  links: LinkCheck;
};

type Admitted = { room: string; access: Exclude<Access, "none">; session: Session };

export type SyncRoute = {
  /** Node's `upgrade` event: every WebSocket handshake the server gets comes here. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Answers the refusals still held (see HeldRefusals), for shutdown. */
  releaseHeld(): void;
};

/**
 * `GET /sync/<room>`: authenticates before the upgrade (the token travels as the
 * `auth.<token>` subprotocol, never in the URL) and refuses with a plain HTTP status and a
 * JSON reason, so a refused client never gets a byte of any document.
 *
 * Upgrades are taken on node's `upgrade` event and completed by `ws` directly, not through
 * Hono's WebSocket adapter: a refusal then builds no Web Request, and an open socket keeps
 * no Hono context, request or per-message event alive (docs/benchmarks.md, memory per
 * connection). Hono answers only a plain GET on the path (426).
 */
export function mountSync(app: Hono, deps: SyncDeps): SyncRoute {
  const memo = new RefusalMemo();
  const held = new HeldRefusals({ onSize: (n) => deps.metrics.refusalsHeld.set(n) });
  const l = deps.limits;
  const budgets = createBudgetRegistry({
    messages: { perSecond: l.ratePerSecond, burst: l.rateBurst },
    writes: { perSecond: l.writesPerSecond, burst: l.writeBurst },
    structs: { perSecond: l.structsPerSecond, burst: l.maxUpdateStructs },
    conflicts: { perSecond: l.conflictStepsPerSecond, burst: l.conflictStepsBurst },
  });
  app.get("/sync/*", (c) => c.json({ error: "WebSocket upgrade required" }, 426));
  // One object for every connection: the server holds thousands of them.
  const connectionDeps = { ...deps, budgets };
  const live = new Set<SyncConnection>();
  // A link replaced on this node closes its sessions' connections now; other nodes' at their
  // next heartbeat (SyncConnection.beat).
  deps.links.onReplaced((boardId) => {
    for (const connection of live) {
      if (connection.session.boardId === boardId) connection.closeIfLinkReplaced();
    }
  });

  const refuse = (socket: Duplex, refusal: Refusal) => {
    deps.metrics.handshakesRefused.inc();
    socket.end(refusalResponse(refusal));
  };
  /** A 429 goes when retrying could work (up to a second later), not at once. */
  const refuseUntil = (socket: Duplex, ms: number, refusal: Refusal) => {
    held.hold(socket, ms, () => refuse(socket, refusal));
  };

  /** An upgraded socket: counted against the room's and the address's limits, then served. */
  const open = (ws: WebSocket, admitted: Admitted, address: string) => {
    // On a bad frame or one over maxPayload, ws closes the socket itself (1002, 1009) and
    // emits "error" first: unheard, that event would throw and take the process down.
    ws.on("error", () => {});
    // Counted at open, not before the upgrade: every open is sure to be followed by a close
    // that gives the slot back, while an upgrade can fail in between.
    const verdict = deps.counter.admit(admitted.room, address);
    if (verdict !== "ok") {
      deps.metrics.connectionsRefused.inc();
      deps.log.info("sync.refused", { status: CLOSE.tooManyConnections, reason: verdict });
      ws.close(CLOSE.tooManyConnections, verdict);
      return;
    }
    ws.binaryType = "arraybuffer";
    const connection = new SyncConnection(
      ws,
      admitted.room,
      admitted.access,
      admitted.session,
      connectionDeps,
    );
    live.add(connection);
    // Attached before this tick ends: `ws` reads frames that came with the handshake later.
    ws.on("message", (data: ArrayBuffer, isBinary: boolean) => {
      connection.receive(isBinary ? data : Buffer.from(data).toString("utf8"));
    });
    ws.on("close", () => {
      live.delete(connection);
      connection.onClosed();
      deps.counter.release(admitted.room, address);
    });
  };

  return {
    handleUpgrade(req, socket, head) {
      socket.on("error", () => {}); // the client may be gone already; nothing to tell it
      const url = req.url ?? "/";
      if (req.method !== "GET" || !url.startsWith(SYNC_PREFIX)) {
        refuse(socket, { status: 404, reason: "not found" });
        return;
      }
      if (req.headers.upgrade?.toLowerCase() !== "websocket") {
        refuse(socket, { status: 426, reason: "WebSocket upgrade required" });
        return;
      }
      const key = RefusalMemo.keyOf(req);
      const msLeft = memo.msLeft(key);
      if (msLeft > 0) {
        // A repeat within the wait: same answer, no log line (a storm would flood the logs).
        refuseUntil(socket, msLeft, RATE_LIMITED);
        return;
      }
      const verdict = admit(req, deps, budgets);
      if ("status" in verdict) {
        deps.log.info("sync.refused", { status: verdict.status, reason: verdict.reason });
        if (verdict.retryMs) memo.remember(key, verdict.retryMs);
        // Only a 429 has a wait; every other refusal is answered at once.
        refuseUntil(socket, verdict.retryMs ?? 0, verdict);
        return;
      }
      const address = requestAddress(req, deps.trustProxy);
      // The token is sound; whether its link is still the board's is a storage read (cached).
      deps.links.isCurrent(verdict.session).then(
        (current) => {
          if (current) {
            deps.wss.handleUpgrade(req, socket, head, (ws) => open(ws, verdict, address));
            return;
          }
          deps.log.info("sync.refused", { status: 401, reason: LINK_REPLACED });
          refuse(socket, { status: 401, reason: LINK_REPLACED });
        },
        (error: unknown) => {
          deps.log.error("sync.link_check.failed", { error });
          deps.metrics.storageErrors.inc();
          refuse(socket, { status: 503, reason: "storage unavailable" });
        },
      );
    },
    releaseHeld: () => held.releaseAll(),
  };
}

/** An HTTP/1.1 answer to an upgrade request that closes the connection after its JSON body. */
function refusalResponse({ status, reason }: Refusal): string {
  const body = JSON.stringify({ error: reason });
  return (
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
    "Connection: close\r\nContent-Type: application/json\r\n" +
    `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
  );
}

/** `retryMs`: how long the same handshake is sure to be refused again. */
type Refusal = {
  status: 400 | 401 | 403 | 404 | 426 | 429 | 503;
  reason: string;
  retryMs?: number;
};
const RATE_LIMITED: Refusal = { status: 429, reason: "rate limit exceeded" };

function admit(req: IncomingMessage, deps: SyncDeps, budgets: BudgetRegistry): Admitted | Refusal {
  if (!deps.origins.allows(req.headers.origin, req.headers.host)) {
    return { status: 403, reason: "origin not allowed" };
  }
  let path: string;
  try {
    path = decodeURIComponent(requestPath(req).slice(SYNC_PREFIX.length));
  } catch {
    return { status: 404, reason: "unknown room" };
  }
  const roomName = parseRoomName(path);
  if (!roomName) return { status: 404, reason: "unknown room" };
  const offered = (req.headers["sec-websocket-protocol"] ?? "").split(",").map((p) => p.trim());
  if (!offered.includes(SUBPROTOCOL)) {
    return { status: 400, reason: `subprotocol ${SUBPROTOCOL} required` };
  }
  const token = offered.find((p) => p.startsWith(AUTH_PREFIX))?.slice(AUTH_PREFIX.length);
  if (!token) return { status: 401, reason: "session token required" };
  const check = deps.tokens.verify(token);
  if (!check.ok) return { status: 401, reason: `session ${check.reason}` };
  const access = accessFor(roomName, check.session);
  if (access === "none") return { status: 403, reason: "not allowed in this room" };
  // A session closed for flooding that reconnects at once is refused here, before the
  // upgrade, until a tenth of each burst has come back (1/3 s and 0.6 s at the defaults): a
  // reconnect storm then costs a status line per attempt instead of an upgrade and a sync.
  // A session whose update was too large or too costly for what it had left waits until it
  // can pay.
  const waitMs = msUntilReadmitted(budgets.get(bucketKey(roomName.name, check.session)));
  if (waitMs > 0) {
    // An expired token is refused with 401, so the memo keeps a 429 no longer than that.
    const retryMs = Math.min(waitMs, check.session.expiresAt - Date.now());
    return { status: 429, reason: "rate limit exceeded", retryMs };
  }
  return { room: roomName.name, access, session: check.session };
}
