import path from "node:path";
import { z } from "zod";

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

/** Environment variables, each with a default that works out of the box. */
const EnvSchema = z.object({
  PORT: port.default(8787),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("./data"),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
  // Comma-separated list of origins allowed to open sync sockets and call the API from a browser.
  // Empty means "same origin as the request's Host", which is right for `npm start`.
  ALLOWED_ORIGINS: z.string().default(""),
  // Base URL used when building share links; defaults to the request's own origin.
  PUBLIC_URL: z.string().url().optional(),
  // Behind a reverse proxy every request comes from the proxy's address; with TRUST_PROXY=true
  // the per-address limits use the last X-Forwarded-For entry (the address the proxy saw).
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  // PostgreSQL instead of the embedded SQLite file, for several nodes sharing one database.
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional(),
  // Redis relays updates and presence between nodes and elects one timer runner per meeting.
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// URL")
    .optional(),
  // A dead node's meeting timers move to another node within this long.
  TIMER_LOCK_TTL_MS: z.coerce.number().int().min(300).max(600_000).default(10_000),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  // An idle room is saved and unloaded after this long without connections.
  ROOM_IDLE_MS: z.coerce.number().int().min(0).default(30_000),
  // One WebSocket frame may not exceed this; the biggest legitimate frame is a first sync of a
  // large board, and 16 MiB holds several thousand rich-text cards.
  MAX_FRAME_BYTES: positiveInt.default(16 * 1024 * 1024),
  // A document's stored size may not exceed this.
  MAX_DOC_BYTES: positiveInt.default(64 * 1024 * 1024),
  // Nor may its structs: Yjs holds each in 300-600 bytes of heap whatever its encoded size
  // (one-value array items encode in 11), so bytes alone let a room take 1.4-2.3 GB. A
  // 10,000-card board has about 143,000.
  MAX_DOC_STRUCTS: positiveInt.default(500_000),
  // Token bucket per connection: steady rate and burst. Typing produces ~20 messages/s at most.
  RATE_PER_SECOND: positiveInt.default(300),
  RATE_BURST: positiveInt.default(1000),
  // Of those, updates (stored and applied): a fast typist makes ~20/s, a drag one on drop.
  // Each costs a commit and an apply for the whole room; a budget near real use keeps one
  // client's flood from slowing everyone else's writes (tests/reliability/abuse.test.ts).
  WRITE_RATE_PER_SECOND: positiveInt.default(50),
  WRITE_BURST: positiveInt.default(300),
  // Structs plus delete ranges in one update. Checking, storing and applying cost ~4 µs and an
  // object each, so 10 000 is ~40 ms of CPU, under the 100 ms stall users notice. A client's
  // offline edits stay far below it: typing merges into a few structs per burst.
  MAX_UPDATE_STRUCTS: positiveInt.default(10_000),
  // Steady struct rate per connection (burst MAX_UPDATE_STRUCTS); typing makes ~60/s.
  STRUCTS_PER_SECOND: positiveInt.default(2_000),
  // Items Yjs's conflict resolution may pass for one session's updates (see conflictCost.ts).
  // Counting one before storing costs ~10–40 ns and Yjs's own pass ~75 ns, in separate ticks:
  // a full burst is ~20 ms, and the steady rate well under 1 % of a core. Concurrent typing
  // passes a handful per keystroke, but ten people offline for 1 000 edits each in the same 50
  // characters reached 90 000 in one update, and the burst is also the most one update may
  // cost (tests/unit/conflictCost.test.ts).
  CONFLICT_STEPS_PER_SECOND: positiveInt.default(50_000),
  CONFLICT_STEPS_BURST: positiveInt.default(250_000),
  // Compaction folds the append log into one snapshot once a room's log holds this many rows.
  COMPACT_AFTER_UPDATES: positiveInt.default(500),
  // Least time between the starts of two storage commits while updates keep coming. Every
  // commit sends one frame per peer of each room it holds: in the relay benchmark 2 ms took
  // commits from 0.83 to 0.55-0.61 per update and server CPU per update down 20 %, for 1 ms
  // more at the median and the same p99. The first update after a quiet spell never waits.
  COMMIT_SPACING_MS: z.coerce.number().int().min(0).max(50).default(2),
  // Keep-alive and liveness beat per connection. The stock provider reconnects after 30 s
  // without a message, so this stays well below that.
  HEARTBEAT_MS: z.coerce.number().int().min(50).max(25_000).default(15_000),
  SESSION_TTL_HOURS: positiveInt.default(24 * 7),
  // Session exchanges per client address per minute; guessing keys must be slow.
  SESSION_RATE_PER_MINUTE: positiveInt.default(30),
  SHUTDOWN_GRACE_MS: positiveInt.default(10_000),
  // A post-mortem rarely has more than 50 people, each holding one connection per room (two
  // with a second tab); 200 leaves room for that and still bounds what one board can hold.
  MAX_CONNECTIONS_PER_ROOM: positiveInt.default(200),
  // Behind an office NAT a whole meeting shares one address, and every browser tab holds three
  // connections (board, meeting, own drafts): 300 is 100 tabs. It bounds what one host can hold
  // open; with TRUST_PROXY=true the address is the one the proxy saw.
  MAX_CONNECTIONS_PER_ADDRESS: positiveInt.default(300),
  // TEST HOOK, never set in production: storage faults from DATA_DIR/faults.json and the
  // debrief_test_* leak census in /metrics (see docs/reliability.md).
  DEBRIEF_TEST_HOOKS: z.enum(["0", "1"]).default("0"),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  sessionSecret: string | undefined;
  allowedOrigins: string[];
  publicUrl: string | undefined;
  trustProxy: boolean;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  timerLockTtlMs: number;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  roomIdleMs: number;
  maxFrameBytes: number;
  maxDocBytes: number;
  maxDocStructs: number;
  ratePerSecond: number;
  rateBurst: number;
  writesPerSecond: number;
  writeBurst: number;
  maxUpdateStructs: number;
  structsPerSecond: number;
  conflictStepsPerSecond: number;
  conflictStepsBurst: number;
  compactAfterUpdates: number;
  commitSpacingMs: number;
  sessionTtlMs: number;
  heartbeatMs: number;
  sessionRatePerMinute: number;
  shutdownGraceMs: number;
  maxConnectionsPerRoom: number;
  maxConnectionsPerAddress: number;
  testHooks: boolean;
  clientDir: string;
};

/** Reads the configuration from an environment; throws a readable error naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`invalid configuration:\n  ${lines.join("\n  ")}`);
  }
  const e = parsed.data;
  if (e.REDIS_URL && !e.SESSION_SECRET) {
    // Each node would otherwise generate its own secret and refuse the others' sessions.
    throw new Error(
      "invalid configuration:\n  SESSION_SECRET: required when REDIS_URL is set (all nodes must share it)",
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    sessionSecret: e.SESSION_SECRET,
    allowedOrigins: e.ALLOWED_ORIGINS.split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ""),
    trustProxy: e.TRUST_PROXY === "true",
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    timerLockTtlMs: e.TIMER_LOCK_TTL_MS,
    logLevel: e.LOG_LEVEL,
    roomIdleMs: e.ROOM_IDLE_MS,
    maxFrameBytes: e.MAX_FRAME_BYTES,
    maxDocBytes: e.MAX_DOC_BYTES,
    maxDocStructs: e.MAX_DOC_STRUCTS,
    ratePerSecond: e.RATE_PER_SECOND,
    rateBurst: e.RATE_BURST,
    writesPerSecond: e.WRITE_RATE_PER_SECOND,
    writeBurst: e.WRITE_BURST,
    maxUpdateStructs: e.MAX_UPDATE_STRUCTS,
    structsPerSecond: e.STRUCTS_PER_SECOND,
    conflictStepsPerSecond: e.CONFLICT_STEPS_PER_SECOND,
    conflictStepsBurst: e.CONFLICT_STEPS_BURST,
    compactAfterUpdates: e.COMPACT_AFTER_UPDATES,
    commitSpacingMs: e.COMMIT_SPACING_MS,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    heartbeatMs: e.HEARTBEAT_MS,
    sessionRatePerMinute: e.SESSION_RATE_PER_MINUTE,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    maxConnectionsPerRoom: e.MAX_CONNECTIONS_PER_ROOM,
    maxConnectionsPerAddress: e.MAX_CONNECTIONS_PER_ADDRESS,
    testHooks: e.DEBRIEF_TEST_HOOKS === "1",
    clientDir: path.resolve("dist/client"),
  };
}
