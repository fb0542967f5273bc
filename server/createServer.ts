import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { WebSocketServer } from "ws";
import { mountBoardRoutes } from "./api/boardRoutes";
import { HttpError } from "./api/http";
import { mountMeetingRoutes } from "./api/meetingRoutes";
import { loadSessionSecret } from "./auth/secret";
import { createTokenSigner } from "./auth/tokens";
import { createRedisRelay } from "./cluster/redisRelay";
import { createLocalTimerLock, createRedisTimerLock } from "./cluster/timerLock";
import type { Config } from "./config";
import { createMeetingService } from "./meeting/meetingService";
import { createLogger, type Logger } from "./ops/log";
import { createServerMetrics } from "./ops/metrics";
import { mountOpsRoutes } from "./ops/opsRoutes";
import { createOriginPolicy } from "./ops/originPolicy";
import { mountStaticClient } from "./staticClient";
import { createPostgresStorage } from "./storage/postgresStorage";
import { createSqliteStorage } from "./storage/sqliteStorage";
import { CLOSE } from "./sync/closeCodes";
import { createGroupCommit } from "./sync/groupCommit";
import { createRoomManager } from "./sync/roomManager";
import { mountSync, SUBPROTOCOL } from "./sync/syncRoute";

export type DebriefServer = {
  /** Starts listening; resolves with the bound port (useful with PORT=0). */
  listen(): Promise<number>;
  /** Graceful shutdown: stop accepting, close sockets with 1001, flush rooms, close storage. */
  close(): Promise<void>;
  log: Logger;
};

/**
 * Wires storage, sync, API and static client into one HTTP server: SQLite on one node by
 * default; PostgreSQL with DATABASE_URL; with REDIS_URL, a relay to other nodes and a lock per
 * meeting timer.
 */
export async function createDebriefServer(config: Config): Promise<DebriefServer> {
  const log = createLogger(config.logLevel);
  const store = config.databaseUrl
    ? await createPostgresStorage(config.databaseUrl)
    : createSqliteStorage(config.dataDir);
  const relay = config.redisUrl ? await createRedisRelay(config.redisUrl, log) : undefined;
  const lock = relay
    ? createRedisTimerLock(relay.commands, relay.nodeId, config.timerLockTtlMs)
    : createLocalTimerLock();
  const tokens = createTokenSigner(loadSessionSecret(config.dataDir, config.sessionSecret));
  let rooms: ReturnType<typeof createRoomManager> | undefined;
  const metrics = createServerMetrics({ rooms: () => rooms?.size ?? 0 });
  const commit = createGroupCommit(store, metrics);
  rooms = createRoomManager({
    commit,
    storage: store,
    metrics,
    log,
    idleMs: config.roomIdleMs,
    maxDocBytes: config.maxDocBytes,
    compactAfterUpdates: config.compactAfterUpdates,
    relay,
  });
  const origins = createOriginPolicy(config.allowedOrigins);
  const meetings = createMeetingService({ rooms, storage: store, log, lock });

  const app = new Hono();
  app.onError((error, c) => {
    if (error instanceof HttpError) return c.json({ error: error.message }, error.status);
    log.error("http.error", { path: c.req.path, error });
    return c.json({ error: "internal error" }, 500);
  });
  app.use("/api/*", async (c, next) => {
    if (!origins.allows(c.req.header("origin"), c.req.header("host"))) {
      return c.json({ error: "origin not allowed" }, 403);
    }
    await next();
  });
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: 64 * 1024,
      onError: (c) => c.json({ error: "body too large (64 KiB at most)" }, 413),
    }),
  );
  mountOpsRoutes(app, { storage: store, metrics });
  mountBoardRoutes(app, {
    storage: store,
    rooms,
    tokens,
    log,
    publicUrl: config.publicUrl,
    sessionTtlMs: config.sessionTtlMs,
    sessionRatePerMinute: config.sessionRatePerMinute,
    trustProxy: config.trustProxy,
    meetings,
  });
  mountMeetingRoutes(app, { meetings, rooms, tokens });
  mountSync(app, {
    rooms,
    tokens,
    metrics,
    log,
    origins,
    limits: {
      ratePerSecond: config.ratePerSecond,
      rateBurst: config.rateBurst,
      maxAwarenessStateBytes: 8 * 1024,
      maxBufferedBytes: 64 * 1024 * 1024,
      heartbeatMs: config.heartbeatMs,
    },
  });
  app.notFound((c) =>
    c.req.path.startsWith("/api/") ? c.json({ error: "not found" }, 404) : c.text("not found", 404),
  );
  mountStaticClient(app, config.clientDir);

  const wss = new WebSocketServer({
    noServer: true,
    // ws closes a connection with 1009 when a frame exceeds this, before buffering it whole.
    maxPayload: config.maxFrameBytes,
    perMessageDeflate: false,
    handleProtocols: (offered) => (offered.has(SUBPROTOCOL) ? SUBPROTOCOL : false),
  });
  // Plain HTTP/1.1 (no createServer override), so this is a node:http Server.
  const server = createAdaptorServer({ fetch: app.fetch, websocket: { server: wss } }) as Server;

  return {
    log,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(config.port, config.host, () => {
          const port = (server.address() as AddressInfo).port;
          log.info("server.listening", {
            port,
            host: config.host,
            storage: config.databaseUrl ? "postgres" : "sqlite",
            relay: relay ? "redis" : "none",
            ...(config.databaseUrl ? {} : { dataDir: config.dataDir }),
          });
          // Meetings that were running when the server stopped pick up their timers again;
          // prompts that fell due meanwhile are posted now, each exactly once.
          void meetings.resumeRunning();
          resolve(port);
        });
      }),
    close: async () => {
      log.info("server.stopping", {});
      await meetings.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const ws of wss.clients) ws.close(CLOSE.goingAway, "server shutting down");
      await rooms.closeAll();
      await commit.drain();
      await relay?.close();
      await store.close();
      // Sockets that do not finish the closing handshake are cut after a grace period.
      const cut = setTimeout(() => {
        for (const ws of wss.clients) ws.terminate();
        server.closeAllConnections();
      }, config.shutdownGraceMs);
      cut.unref();
      server.closeIdleConnections();
      await closed;
      clearTimeout(cut);
      log.info("server.stopped", {});
    },
  };
}
