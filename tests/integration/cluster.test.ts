import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { addCard, readBoard, TIMELINE_LANE_ID } from "../../shared/board";
import { readMeeting } from "../../shared/meeting";
import { createBoard, join, meetingAction, postJson } from "../support/api";
import { authProtocols, closed, openRaw } from "../support/rawSocket";
import { startPrivateRedis } from "../support/redisProcess";
import { QUICK_SCRIPT } from "../support/scripts";
import { type ServerHandle, startServer } from "../support/serverProcess";
import { createTempDatabase, REDIS_URL, servicesAvailable } from "../support/services";
import { type Client, connectClient, converged, synced } from "../support/syncClient";
import { waitFor } from "../support/waitFor";

const enabled = await servicesAvailable(["postgres", "redis"]);
const SECRET = "cluster-test-secret-shared-by-every-node";

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

describe.runIf(enabled)("several nodes sharing PostgreSQL and Redis", () => {
  let db: Awaited<ReturnType<typeof createTempDatabase>>;
  const nodes: ServerHandle[] = [];
  const clients: Client[] = [];

  const startNode = async (env: Record<string, string> = {}) => {
    const node = await startServer({
      env: { DATABASE_URL: db.url, REDIS_URL, SESSION_SECRET: SECRET, ...env },
    });
    nodes.push(node);
    return node;
  };
  const open = (node: ServerHandle, room: string, token: string, doc?: Y.Doc) => {
    const client = connectClient(node.wsUrl, room, token, { doc });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    db = await createTempDatabase();
  });

  // Each test's nodes go when it ends: a node left running would sweep the shared database
  // for running meetings and could take the next test's timer lock (the timer test then saw
  // its meeting run by a node it did not start).
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const n of nodes.splice(0)) await n.stop("SIGKILL");
  });

  afterAll(async () => {
    await db.drop();
  });

  it("converges a board edited through three nodes, and prints the cross-node delay", async () => {
    const three = [await startNode(), await startNode(), await startNode()];
    const board = await createBoard(three[0]!.url);
    const sessions = await Promise.all(
      [0, 1, 2].map((i) => join(three[i]!.url, board.id, board.keys.participant, `P${i}`)),
    );
    const peers = sessions.map((s, i) => open(three[i]!, board.id, s.token));
    await Promise.all(peers.map((p) => synced(p)));

    // Each card carries its send time; the others record when it arrived.
    const delays: number[] = [];
    for (const [i, peer] of peers.entries()) {
      peer.doc.getMap("cards").observe((event) => {
        for (const key of event.keysChanged) {
          const sentAt = Number(key.split("-")[1]);
          if (!key.startsWith(`c${i}`) && sentAt)
            delays.push(performance.timeOrigin + performance.now() - sentAt);
        }
      });
    }
    for (let round = 0; round < 30; round++) {
      for (const [i, peer] of peers.entries()) {
        const id = `c${i}r${round}-${Math.round(performance.timeOrigin + performance.now())}`;
        addCard(peer.doc, {
          id,
          laneId: TIMELINE_LANE_ID,
          at: round * 1000,
          kind: "event",
          text: id,
          authorId: `p${i}`,
        });
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    await waitFor(() => peers.every((p) => readBoard(p.doc).cards.length === 90), {
      what: "90 cards on every peer",
    });
    await converged(peers.map((p) => p.doc));
    const first = readBoard(peers[0]!.doc);
    for (const p of peers) expect(readBoard(p.doc)).toEqual(first);
    expect(delays.length).toBe(180);
    const p99 = percentile(delays, 99);
    process.stdout.write(`figure: cross-node p99 delay (3 nodes) = ${p99.toFixed(1)} ms\n`);
    process.stdout.write(
      `figure: cross-node p50 delay (3 nodes) = ${percentile(delays, 50).toFixed(1)} ms\n`,
    );
  });

  it("loses nothing when a node is SIGKILLed while its clients edit; they carry on through another", async () => {
    const [a, b] = [await startNode(), await startNode()];
    const board = await createBoard(a.url);
    const writer = await join(a.url, board.id, board.keys.participant, "W");
    const watcherSession = await join(b.url, board.id, board.keys.observer, "O");
    const w = open(a, board.id, writer.token);
    const watcher = open(b, board.id, watcherSession.token);
    await Promise.all([synced(w), synced(watcher)]);
    let n = 0;
    const writing = setInterval(() => {
      addCard(w.doc, {
        laneId: TIMELINE_LANE_ID,
        at: n,
        kind: "event",
        text: `w${n}`,
        authorId: "w",
      });
      n++;
    }, 3);
    await waitFor(() => readBoard(watcher.doc).cards.length >= 100, {
      what: "100 cards across nodes",
    });
    await a.stop("SIGKILL");
    // Edits keep happening locally while the writer has no server.
    await new Promise((r) => setTimeout(r, 50));
    clearInterval(writing);
    const seenByWatcher = new Set(readBoard(watcher.doc).cards.map((c) => c.id));
    // The writer's client reconnects through node b (as a load balancer would send it).
    w.provider.destroy();
    const again = open(b, board.id, writer.token, w.doc);
    await synced(again);
    await waitFor(() => readBoard(watcher.doc).cards.length === n, { what: "every card written" });
    const late = open(b, board.id, watcherSession.token);
    await synced(late);
    const stored = new Set(readBoard(late.doc).cards.map((c) => c.id));
    expect([...seenByWatcher].filter((id) => !stored.has(id))).toEqual([]);
    expect(stored.size).toBe(n);
  });

  it("ends a replaced link's sessions on the other nodes too", async () => {
    // Short beats: another node notices at its next heartbeat once its cached key hashes
    // (5 s) are stale.
    const [a, b] = [
      await startNode({ HEARTBEAT_MS: "300" }),
      await startNode({ HEARTBEAT_MS: "300" }),
    ];
    const board = await createBoard(a!.url);
    const fac = await join(a!.url, board.id, board.keys.facilitator, "F");
    const pat = await join(b!.url, board.id, board.keys.participant, "P");
    const raw = await openRaw(`${b!.wsUrl}/${board.id}`, authProtocols(pat.token));
    if (raw.refused) throw new Error(`refused ${raw.status}`);
    const ended = closed(raw.ws);
    const replaced = await postJson(
      `${a!.url}/api/boards/${board.id}/links/participant`,
      undefined,
      {
        authorization: `Bearer ${fac.token}`,
      },
    );
    expect(replaced.status).toBe(200);
    expect((await ended).code).toBe(4401);
    const summary = await fetch(`${b!.url}/api/boards/${board.id}`, {
      headers: { authorization: `Bearer ${pat.token}` },
    });
    expect(summary.status).toBe(401);
  }, 30_000);

  it("moves a meeting timer to another node within the lock TTL when its node dies", async () => {
    const env = { TIMER_LOCK_TTL_MS: "1000" };
    const [a, b] = [await startNode(env), await startNode(env)];
    const board = await createBoard(a.url, { script: QUICK_SCRIPT });
    const fac = await join(a.url, board.id, board.keys.facilitator, "F");
    const started = await meetingAction(b.url, board.id, fac.token, { action: "start" });
    expect(started.status).toBe(200);
    const owner = await waitFor(
      () => [a, b].find((n) => n.logs.some((l) => l.event === "meeting.timer.owned")),
      {
        what: "a timer owner",
      },
    );
    const survivor = owner === a ? b : a;
    await owner.stop("SIGKILL");
    const killedAt = Date.now();
    const watcher = open(survivor, `${board.id}/meeting`, fac.token);
    await synced(watcher);
    await waitFor(() => readMeeting(watcher.doc).prompts.length === 3, {
      timeoutMs: 8000,
      what: "prompts after failover",
    });
    const lastDue = readMeeting(watcher.doc).state!.startedAt! + 1200;
    // Arrived within the TTL (plus a sweep) after it fell due or after the kill, whichever is later.
    expect(Date.now() - Math.max(lastDue, killedAt)).toBeLessThan(1000 + 1000);
    await new Promise((r) => setTimeout(r, 500));
    const ids = readMeeting(watcher.doc).prompts.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(survivor.logs.some((l) => l.event === "meeting.timer.owned")).toBe(true);
  });
});

describe.runIf(enabled)("a Redis restart mid-session", () => {
  it("lets nodes reconnect, resubscribe and catch up", async () => {
    const redis = await startPrivateRedis();
    const db = await createTempDatabase();
    const env = { DATABASE_URL: db.url, REDIS_URL: redis.url, SESSION_SECRET: SECRET };
    const a = await startServer({ env });
    const b = await startServer({ env });
    const board = await createBoard(a.url);
    const s = await join(a.url, board.id, board.keys.participant, "P");
    const ca = connectClient(a.wsUrl, board.id, s.token);
    const cb = connectClient(b.wsUrl, board.id, s.token);
    try {
      await Promise.all([synced(ca), synced(cb)]);
      addCard(ca.doc, {
        laneId: TIMELINE_LANE_ID,
        at: 1,
        kind: "event",
        text: "before",
        authorId: "p",
      });
      await waitFor(() => readBoard(cb.doc).cards.length === 1);
      await redis.stop();
      // Written while Redis is down: stored by node a, but not relayed to node b.
      addCard(ca.doc, {
        laneId: TIMELINE_LANE_ID,
        at: 2,
        kind: "event",
        text: "during",
        authorId: "p",
      });
      await new Promise((r) => setTimeout(r, 300));
      const restarted = await startPrivateRedis(redis.port);
      await waitFor(() => readBoard(cb.doc).cards.length === 2, {
        timeoutMs: 15_000,
        what: "catch-up after restart",
      });
      addCard(ca.doc, {
        laneId: TIMELINE_LANE_ID,
        at: 3,
        kind: "event",
        text: "after",
        authorId: "p",
      });
      await waitFor(() => readBoard(cb.doc).cards.length === 3, { what: "relay works again" });
      expect(readBoard(cb.doc).cards.map((c) => c.text)).toEqual(["before", "during", "after"]);
      await restarted.stop();
    } finally {
      ca.destroy();
      cb.destroy();
      await a.stop("SIGKILL");
      await b.stop("SIGKILL");
      await db.drop();
    }
  });
});
