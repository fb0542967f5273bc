import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { upgradeWebSocket } from "@hono/node-server";
import type { Context, Hono } from "hono";
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

// What @hono/node-server writes for a refused upgrade (it drops the body), byte for byte, so
// a refusal from the memo cannot be told from the route's (tests/integration/handshakeRefusals.test.ts).
const TOO_MANY_REQUESTS =
  "HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nContent-Length: 0\r\n" +
  "content-type: application/json\r\n\r\n";

export type SyncRoute = {
  /**
   * Answers an upgrade request the route refused moments ago for the same spent budget
   * (see RefusalMemo) and returns true; false: hand it on to the route.
   */
  refuseEarly(req: IncomingMessage, socket: Duplex): boolean;
};

/**
 * `GET /sync/<room>`: authenticates before the upgrade (the token travels as the
 * `auth.<token>` subprotocol, never in the URL) and refuses with a plain HTTP status, so a
 * refused client never gets a byte of any document.
 */
export function mountSync(app: Hono, deps: SyncDeps): SyncRoute {
  const memo = new RefusalMemo();
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
      const verdict = admit(c, deps, budgets);
      if ("status" in verdict) {
        deps.metrics.handshakesRefused.inc();
        const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
        if (verdict.retryMs && incoming)
          memo.remember(RefusalMemo.keyOf(incoming), verdict.retryMs);
        deps.log.info("sync.refused", { status: verdict.status, reason: verdict.reason });
        return c.json({ error: verdict.reason }, verdict.status);
      }
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
    refuseEarly(req, socket) {
      if (req.headers.upgrade?.toLowerCase() !== "websocket") return false;
      if (!memo.refuses(RefusalMemo.keyOf(req))) return false;
      deps.metrics.handshakesRefused.inc();
      socket.on("error", () => {}); // the client may be gone already; nothing to tell it
      socket.end(TOO_MANY_REQUESTS);
      return true;
    },
  };
}

/** `retryMs`: how long the same handshake is sure to be refused again. */
type Refusal = { status: 400 | 401 | 403 | 404 | 429; reason: string; retryMs?: number };

function admit(c: Context, deps: SyncDeps, budgets: BudgetRegistry): Admitted | Refusal {
  if (!deps.origins.allows(c.req.header("origin"), c.req.header("host"))) {
    return { status: 403, reason: "origin not allowed" };
  }
  let path: string;
  try {
    path = decodeURIComponent(c.req.path.slice("/sync/".length));
  } catch {
    return { status: 404, reason: "unknown room" };
  }
  const roomName = parseRoomName(path);
  if (!roomName) return { status: 404, reason: "unknown room" };
  const offered = (c.req.header("sec-websocket-protocol") ?? "").split(",").map((p) => p.trim());
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
