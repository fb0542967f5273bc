import { type IncomingMessage, STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { upgradeWebSocket } from "@hono/node-server";
import type { Hono } from "hono";
import type { Session, TokenSigner } from "../auth/tokens";
import { clientAddress } from "../ops/clientAddress";
import type { Logger } from "../ops/log";
import type { ServerMetrics } from "../ops/metrics";
import type { OriginPolicy } from "../ops/originPolicy";
import { CLOSE } from "./closeCodes";
import { type ConnectionLimits, type Socket, SyncConnection } from "./connection";
import type { ConnectionLimitsCounter } from "./connectionLimits";
import { type BudgetRegistry, bucketKey, createBudgetRegistry } from "./rateLimit";
import { RefusalMemo } from "./refusalMemo";
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
};

type Admitted = { room: string; access: Exclude<Access, "none">; session: Session };

export type SyncRoute = {
  /**
   * Decides a WebSocket upgrade request for `/sync/` before the adapter sees it: a refusal
   * is answered here, with a JSON body, and true returned; false hands it on to the adapter
   * (admitted, or not a sync path).
   */
  handleUpgrade(req: IncomingMessage, socket: Duplex): boolean;
};

/**
 * `GET /sync/<room>`: authenticates before the upgrade (the token travels as the
 * `auth.<token>` subprotocol, never in the URL) and refuses with a plain HTTP status, so a
 * refused client never gets a byte of any document.
 *
 * Admission runs on node's `upgrade` event rather than in the route: a refusal then costs
 * no Web Request, and carries a body (@hono/node-server drops the body of a refused upgrade).
 */
export function mountSync(app: Hono, deps: SyncDeps): SyncRoute {
  const memo = new RefusalMemo();
  const admitted = new WeakMap<IncomingMessage, Admitted>();
  const l = deps.limits;
  const budgets = createBudgetRegistry({
    messages: { perSecond: l.ratePerSecond, burst: l.rateBurst },
    writes: { perSecond: l.writesPerSecond, burst: l.writeBurst },
    structs: { perSecond: l.structsPerSecond, burst: l.maxUpdateStructs },
    conflicts: { perSecond: l.conflictStepsPerSecond, burst: l.conflictStepsBurst },
  });
  app.get(
    "/sync/*",
    async (c, next) => {
      if (c.req.header("upgrade")?.toLowerCase() !== "websocket") {
        return c.json({ error: "WebSocket upgrade required" }, 426);
      }
      const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
      const verdict = incoming && admitted.get(incoming);
      // Only a path that reaches this route after URL normalisation (dot segments) gets here
      // unadmitted; it names no room as sent.
      if (!verdict) return c.json({ error: "unknown room" }, 404);
      c.set("admitted" as never, verdict as never);
      await next();
    },
    // The handler must not await before returning its events: the first client frame can
    // arrive right after the handshake and hono buffers it only until onOpen runs.
    upgradeWebSocket((c) => {
      const admitted = c.get("admitted" as never) as Admitted;
      const address = clientAddress(c, deps.trustProxy);
      let connection: SyncConnection | undefined;
      return {
        onOpen(_event, ws) {
          // Counted at open, not before the upgrade: every open is sure to be followed by a
          // close that gives the slot back, while an upgrade can fail in between.
          const verdict = deps.counter.admit(admitted.room, address);
          if (verdict !== "ok") {
            deps.metrics.connectionsRefused.inc();
            deps.log.info("sync.refused", { status: CLOSE.tooManyConnections, reason: verdict });
            ws.close(CLOSE.tooManyConnections, verdict);
            return;
          }
          connection = new SyncConnection(
            // @hono/node-server hands us the `ws` WebSocket itself as `raw`.
            ws.raw as unknown as Socket,
            admitted.room,
            admitted.access,
            admitted.session,
            { ...deps, budgets },
          );
        },
        onMessage(event) {
          connection?.receive(event.data as ArrayBuffer | string);
        },
        onClose() {
          if (!connection) return;
          connection.onClosed();
          deps.counter.release(admitted.room, address);
        },
      };
    }),
  );
  return {
    handleUpgrade(req, socket) {
      if (req.method !== "GET" || req.headers.upgrade?.toLowerCase() !== "websocket") return false;
      const url = req.url ?? "/";
      if (!url.startsWith(SYNC_PREFIX)) return false;
      const key = RefusalMemo.keyOf(req);
      let refusal: Refusal;
      if (memo.refuses(key)) {
        // A repeat within the wait: same answer, no log line (a storm would flood the logs).
        refusal = RATE_LIMITED;
      } else {
        const verdict = admit(req, deps, budgets);
        if (!("status" in verdict)) {
          admitted.set(req, verdict);
          return false;
        }
        refusal = verdict;
        if (verdict.retryMs) memo.remember(key, verdict.retryMs);
        deps.log.info("sync.refused", { status: refusal.status, reason: refusal.reason });
      }
      deps.metrics.handshakesRefused.inc();
      socket.on("error", () => {}); // the client may be gone already; nothing to tell it
      socket.end(refusalResponse(refusal));
      return true;
    },
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
type Refusal = { status: 400 | 401 | 403 | 404 | 429; reason: string; retryMs?: number };
const RATE_LIMITED: Refusal = { status: 429, reason: "rate limit exceeded" };

function admit(req: IncomingMessage, deps: SyncDeps, budgets: BudgetRegistry): Admitted | Refusal {
  if (!deps.origins.allows(req.headers.origin, req.headers.host)) {
    return { status: 403, reason: "origin not allowed" };
  }
  const url = req.url ?? "/";
  const query = url.indexOf("?");
  let path: string;
  try {
    path = decodeURIComponent(url.slice(SYNC_PREFIX.length, query === -1 ? undefined : query));
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
  // A session whose update was too costly for what it had left waits until it can pay.
  const budget = budgets.get(bucketKey(roomName.name, check.session));
  const waitMs = Math.max(
    budget.messages.msUntil(deps.limits.rateBurst / 10),
    budget.writes.msUntil(deps.limits.writeBurst / 10),
    budget.conflicts.msUntil(Math.max(deps.limits.conflictStepsBurst / 10, budget.conflictsNeeded)),
  );
  if (waitMs > 0) {
    // An expired token is refused with 401, so the memo keeps a 429 no longer than that.
    const retryMs = Math.min(waitMs, check.session.expiresAt - Date.now());
    return { status: 429, reason: "rate limit exceeded", retryMs };
  }
  return { room: roomName.name, access, session: check.session };
}
