import path from "node:path";
import type { RoomTarget } from "../generatorApi";
import { createDebriefRooms } from "./debriefBoards";
import type { Launch } from "./serverProcess";

export type PeerId = "debrief" | "hocuspocus" | "y-websocket" | "null";

/** A server under test: how to start it and how clients reach a room on it. */
export type Peer = {
  id: PeerId;
  label: string;
  /** Its `rooms` leaves the rooms loaded (Debrief makes boards): restart for a cold start. */
  roomsStayLoaded: boolean;
  /** Keeps documents in storage (the null relay does not: cold open and join storm skip it). */
  persists: boolean;
  /**
   * How long after an update is applied its storage may still lag. Debrief stores before it
   * relays (0); Hocuspocus stores 2 s after the last change; y-leveldb writes asynchronously.
   */
  settleMs: number;
  /** `profileDir`: write CPU profiles there (one file per thread, the main thread's has tid 0). */
  launch(port: number, dataDir: string, profileDir?: string): Launch;
  /**
   * Storage calls so far (Debrief's /metrics: count and total seconds). Debrief stores each
   * update before relaying it, so its latency floor is its commit latency; the peers store later.
   */
  storageCalls?(port: number): Promise<{ count: number; seconds: number }>;
  /** Makes `count` rooms on the running server (Debrief: boards through its API). */
  rooms(port: number, count: number, tag: string): Promise<RoomTarget[]>;
};

const repoRoot = path.resolve(import.meta.dirname, "../..");
const peersDir = path.join(repoRoot, "bench", "peers");
const host = "127.0.0.1";
// Far above anything a workload sends: the bench measures throughput, not the limits.
const GENEROUS = "1000000";

const named = (count: number, tag: string) =>
  Array.from({ length: count }, (_, i) => `${tag}-${i + 1}`);

export const PEERS: Record<PeerId, Peer> = {
  debrief: {
    id: "debrief",
    label: "Debrief",
    roomsStayLoaded: true,
    persists: true,
    settleMs: 0,
    launch: (port, dataDir, profileDir) => ({
      script: "server/main.ts",
      // No --cpu-prof-name: every thread (main, tsx's loader, the SQLite worker) writes its own
      // profile, and with one fixed name they would overwrite each other.
      nodeArgs: [
        "--import",
        "tsx",
        ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []),
      ],
      cwd: repoRoot,
      env: {
        PORT: String(port),
        HOST: host,
        DATA_DIR: dataDir,
        LOG_LEVEL: "warn",
        RATE_PER_SECOND: GENEROUS,
        RATE_BURST: GENEROUS,
        WRITE_RATE_PER_SECOND: GENEROUS,
        WRITE_BURST: GENEROUS,
        SESSION_RATE_PER_MINUTE: GENEROUS,
        STRUCTS_PER_SECOND: GENEROUS,
        CONFLICT_STEPS_PER_SECOND: GENEROUS,
        CONFLICT_STEPS_BURST: GENEROUS,
        // 2,000 bench connections all come from 127.0.0.1.
        MAX_CONNECTIONS_PER_ROOM: GENEROUS,
        MAX_CONNECTIONS_PER_ADDRESS: GENEROUS,
      },
    }),
    async storageCalls(port) {
      const text = await (await fetch(`http://${host}:${port}/metrics`)).text();
      const read = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1]);
      return {
        count: read("debrief_storage_seconds_count"),
        seconds: read("debrief_storage_seconds_sum"),
      };
    },
    async rooms(port, count) {
      const rooms = await createDebriefRooms(port, count);
      return rooms.map((r) => ({
        url: `ws://${host}:${port}/sync/${r.name}`,
        protocols: ["debrief.v1", `auth.${r.token}`],
        framing: "y-websocket",
        docName: r.name,
        serverSync: true,
      }));
    },
  },
  hocuspocus: {
    id: "hocuspocus",
    label: "Hocuspocus",
    roomsStayLoaded: false,
    persists: true,
    settleMs: 2_500,
    launch: (port, dataDir) => ({
      script: path.join(peersDir, "hocuspocus.mjs"),
      cwd: peersDir,
      env: { PORT: String(port), DATA_DIR: dataDir },
    }),
    async rooms(port, count, tag) {
      return named(count, tag).map((name) => ({
        url: `ws://${host}:${port}`,
        framing: "hocuspocus",
        docName: name,
        token: "bench",
        serverSync: true,
      }));
    },
  },
  "y-websocket": {
    id: "y-websocket",
    label: "y-websocket",
    roomsStayLoaded: false,
    persists: true,
    settleMs: 500,
    launch: (port, dataDir) => ({
      script: path.join(peersDir, "ywebsocket.mjs"),
      cwd: peersDir,
      env: { PORT: String(port), YPERSISTENCE: path.join(dataDir, "leveldb") },
    }),
    async rooms(port, count, tag) {
      return named(count, tag).map((name) => ({
        url: `ws://${host}:${port}/${name}`,
        framing: "y-websocket",
        docName: name,
        serverSync: true,
      }));
    },
  },
  null: {
    id: "null",
    label: "null relay",
    roomsStayLoaded: false,
    persists: false,
    settleMs: 0,
    launch: (port) => ({
      script: path.join(repoRoot, "bench", "servers", "nullRelay.ts"),
      nodeArgs: ["--import", "tsx"],
      cwd: repoRoot,
      env: { PORT: String(port) },
    }),
    async rooms(port, count, tag) {
      return named(count, tag).map((name) => ({
        url: `ws://${host}:${port}/${name}`,
        framing: "y-websocket",
        docName: name,
        serverSync: false,
      }));
    },
  },
};

/** Peers whose code lives in bench/peers/node_modules (installed on demand). */
export const INSTALLED_PEERS: PeerId[] = ["hocuspocus", "y-websocket"];
