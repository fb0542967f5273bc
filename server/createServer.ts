import type { IncomingMessage, Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { createAdaptorServer } from "@hono/node-server";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { WebSocketServer } from "ws";
import { CLOSE } from "../shared/session/closeCodes";
import { mountBoardRoutes } from "./api/boardRoutes";
import { HttpError } from "./api/http";
import { IMPORT_BODY_BYTES, mountImportRoutes, TIMELINE_IMPORT_PATH } from "./api/importRoutes";
import { mountMeetingRoutes } from "./api/meetingRoutes";
import { mountReportRoutes } from "./api/reportRoutes";
import { requireCurrentLink } from "./api/session";
import { createLinkCheck } from "./auth/linkCheck";
import { loadSessionSecret } from "./auth/secret";
import { createTokenSigner } from "./auth/tokens";
import { createLocalTimerLock, createRedisTimerLock } from "./cluster/timerLock";
import type { Config } from "./config";
import { createMeetingService } from "./meeting/meetingService";
import { createLogger, type Logger } from "./ops/log";
import { createServerMetrics } from "./ops/metrics";
import { mountOpsRoutes } from "./ops/opsRoutes";
import { createOriginPolicy } from "./ops/originPolicy";
import { mountStaticClient } from "./staticClient";
import { createFaultyStorage } from "./storage/faultyStorage";
import { createWorkerSqliteStorage } from "./storage/workerSqliteStorage";
import { createConnectionLimits } from "./sync/connectionLimits";
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
  const backend = config.databaseUrl
    ? // Loaded only when configured: the pg and ioredis clients add ~0.5 s to every start.
      await (await import("./storage/postgresStorage")).createPostgresStorage(config.databaseUrl)
    : await createWorkerSqliteStorage(config.dataDir);
  const store = config.testHooks ? createFaultyStorage(backend, config.dataDir) : backend;
  const relay = config.redisUrl
    ? await (await import("./cluster/redisRelay")).createRedisRelay(config.redisUrl, log)
    : undefined;
  const lock = relay
    ? createRedisTimerLock(relay.commands, relay.nodeId, config.timerLockTtlMs)
    : createLocalTimerLock();
  const tokens = createTokenSigner(loadSessionSecret(config.dataDir, config.sessionSecret));
  let rooms: ReturnType<typeof createRoomManager> | undefined;
  const metrics = createServerMetrics(
    { rooms: () => rooms?.size ?? 0 },
    { testHooks: config.testHooks },
  );
  const commit = createGroupCommit(store, metrics, { spacingMs: config.commitSpacingMs });
  rooms = createRoomManager({
    commit,
    storage: store,
    metrics,
    log,
    idleMs: config.roomIdleMs,
    maxDocBytes: config.maxDocBytes,
    maxDocStructs: config.maxDocStructs,
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
  const links = createLinkCheck(store);
  const currentLink = requireCurrentLink(tokens, links);
  app.use("/api/boards/:id", currentLink);
  app.use("/api/boards/:id/*", currentLink);
  // API bodies are a title and a few fields: 64 KiB is plenty and bounds what anyone can make
  // the server count through. A timeline import carries a whole file, so its one route gets its
  // own larger limit (see IMPORT_BODY_BYTES) rather than raising the limit for every route.
  // A body refused from its Content-Length alone is read to its end and dropped before the
  // answer (up to DRAIN_BYTES, for DRAIN_MS at most): closing on a client still uploading
  // gives it EPIPE instead of the 413, and answering with the body unread leaves a keep-alive
  // connection the adapter may close under the client's next request. Past those bounds, and
  // for a chunked body read part-way when it went over, "Connection: close" sends the client
  // to a fresh connection.
  const tooLarge = (message: string) => async (c: Context) => {
    const declared = Number(c.req.header("content-length"));
    const drained =
      Number.isFinite(declared) &&
      declared <= DRAIN_BYTES &&
      (await discardBody(c.req.raw.body, DRAIN_MS));
    if (!drained) c.header("Connection", "close");
    return c.json({ error: message }, 413);
  };
  const apiBodyLimit = bodyLimit({
    maxSize: 64 * 1024,
    onError: tooLarge("body too large (64 KiB at most)"),
  });
  const importBodyLimit = bodyLimit({
    maxSize: IMPORT_BODY_BYTES,
    onError: tooLarge(`body too large (${IMPORT_BODY_BYTES / 2 ** 20} MiB at most for an import)`),
  });
  app.use("/api/*", (c, next) =>
    TIMELINE_IMPORT_PATH.test(c.req.path) ? importBodyLimit(c, next) : apiBodyLimit(c, next),
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
    links,
  });
  mountMeetingRoutes(app, { meetings, rooms, tokens });
  mountReportRoutes(app, { rooms, tokens });
  mountImportRoutes(app, { rooms, tokens, log });
  const wss = new WebSocketServer({
    noServer: true,
    // ws closes a connection with 1009 when a frame exceeds this, before buffering it whole.
    maxPayload: config.maxFrameBytes,
    perMessageDeflate: false,
    handleProtocols: (offered) => (offered.has(SUBPROTOCOL) ? SUBPROTOCOL : false),
  });
  const sync = mountSync(app, {
    wss,
    links,
    rooms,
    tokens,
    metrics,
    log,
    origins,
    counter: createConnectionLimits({
      perRoom: config.maxConnectionsPerRoom,
      perAddress: config.maxConnectionsPerAddress,
    }),
    trustProxy: config.trustProxy,
    limits: {
      ratePerSecond: config.ratePerSecond,
      rateBurst: config.rateBurst,
      writesPerSecond: config.writesPerSecond,
      writeBurst: config.writeBurst,
      maxAwarenessStateBytes: 8 * 1024,
      maxBufferedBytes: 64 * 1024 * 1024,
      maxUpdateStructs: config.maxUpdateStructs,
      structsPerSecond: config.structsPerSecond,
      conflictStepsPerSecond: config.conflictStepsPerSecond,
      conflictStepsBurst: config.conflictStepsBurst,
      heartbeatMs: config.heartbeatMs,
    },
  });
  app.notFound((c) =>
    c.req.path.startsWith("/api/") ? c.json({ error: "not found" }, 404) : c.text("not found", 404),
  );
  mountStaticClient(app, config.clientDir);

  // Plain HTTP/1.1 (no createServer override), so this is a node:http Server.
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) =>
    sync.handleUpgrade(req, socket, head),
  );

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
      sync.releaseHeld();
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

// How much of a refused body the server reads and drops so that its answer arrives (see
// tooLarge): a large import file, not an unbounded upload.
const DRAIN_BYTES = 16 * 1024 * 1024;
const DRAIN_MS = 10_000;

/** Reads a body to its end, keeping nothing; false if it took longer than `ms` or failed. */
async function discardBody(body: ReadableStream<Uint8Array> | null, ms: number): Promise<boolean> {
  if (!body) return true;
  const reader = body.getReader();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void reader.cancel().catch(() => {});
  }, ms);
  try {
    for (;;) {
      const { done } = await reader.read();
      if (done) return !timedOut;
    }
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
