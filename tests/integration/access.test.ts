import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import * as Y from "yjs";
import { createTokenSigner } from "../../server/auth/tokens";
import { readBoard } from "../../shared/board";
import { createBoard, join, postJson } from "../support/api";
import { metric } from "../support/metrics";
import { authProtocols, closed, openRaw } from "../support/rawSocket";
import { type ServerHandle, startServer } from "../support/serverProcess";
import { connectClient, synced } from "../support/syncClient";
import { waitFor } from "../support/waitFor";

const SECRET = "a-test-secret-that-is-at-least-32-characters-long";
let server: ServerHandle;

beforeAll(async () => {
  server = await startServer({ env: { SESSION_SECRET: SECRET } });
});

afterAll(async () => {
  await server.stop();
});

describe("authentication before the upgrade", () => {
  it("refuses with an HTTP status and never upgrades", async () => {
    const a = await createBoard(server.url);
    const b = await createBoard(server.url);
    const sa = await join(server.url, a.id, a.keys.participant, "Ana");
    const signer = createTokenSigner(Buffer.from(SECRET));
    const expired = signer.issue({
      boardId: a.id,
      role: "facilitator",
      participantId: "p-expired-1",
      name: "Old",
      expiresAt: Date.now() - 1000,
    });
    const forged = createTokenSigner(Buffer.from("x".repeat(40))).issue({
      boardId: a.id,
      role: "facilitator",
      participantId: "p-forged-01",
      name: "Mallory",
      expiresAt: Date.now() + 60_000,
    });
    const cases: Array<[string, string[], number]> = [
      ["no token", ["debrief.v1"], 401],
      ["no debrief subprotocol", [`auth.${sa.token}`], 400],
      ["expired", authProtocols(expired), 401],
      ["forged", authProtocols(forged), 401],
      ["garbage", authProtocols("abc.def"), 401],
      ["another board", authProtocols(sa.token), 403],
    ];
    for (const [what, protocols, status] of cases) {
      const room = what === "another board" ? b.id : a.id;
      const result = await openRaw(`${server.wsUrl}/${room}`, protocols);
      expect(result, what).toEqual({ refused: true, status });
    }
  });

  it("answers with the debrief.v1 subprotocol when it accepts", async () => {
    const board = await createBoard(server.url);
    const s = await join(server.url, board.id, board.keys.observer, "O");
    const result = await openRaw(`${server.wsUrl}/${board.id}`, authProtocols(s.token));
    expect(result.refused).toBe(false);
    if (!result.refused) {
      expect(result.protocol).toBe("debrief.v1");
      result.ws.close();
    }
  });

  it("refuses a browser from another origin", async () => {
    const board = await createBoard(server.url);
    const s = await join(server.url, board.id, board.keys.facilitator, "F");
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${server.wsUrl}/${board.id}`, authProtocols(s.token), {
        headers: { origin: "https://evil.example" },
      });
      ws.once("unexpected-response", (_q, res) => resolve(res.statusCode ?? 0));
      ws.once("open", () => resolve(101));
    });
    expect(status).toBe(403);
  });
});

describe("resuming a session", () => {
  it("keeps the participant id when the old token has expired but is genuine", async () => {
    const board = await createBoard(server.url);
    const first = await join(server.url, board.id, board.keys.participant, "Pat");
    const signer = createTokenSigner(Buffer.from(SECRET));
    const lapsed = signer.issue({
      boardId: board.id,
      role: "participant",
      participantId: first.participantId,
      name: "Pat",
      expiresAt: Date.now() - 1,
    });
    const resumed = await postJson(`${server.url}/api/boards/${board.id}/sessions`, {
      key: board.keys.participant,
      name: "Pat",
      resumeToken: lapsed,
    });
    expect(resumed.json?.participantId).toBe(first.participantId);
    const forged = createTokenSigner(Buffer.from("y".repeat(40))).issue({
      boardId: board.id,
      role: "participant",
      participantId: "someone-else",
      name: "Pat",
      expiresAt: Date.now() + 60_000,
    });
    const refused = await postJson(`${server.url}/api/boards/${board.id}/sessions`, {
      key: board.keys.participant,
      name: "Pat",
      resumeToken: forged,
    });
    expect(refused.status).toBe(200);
    expect(refused.json?.participantId).not.toBe("someone-else");
  });
});

describe("room access by role", () => {
  it("lets only the owning participant open a drafts room", async () => {
    const board = await createBoard(server.url);
    const p1 = await join(server.url, board.id, board.keys.participant, "P1");
    const p2 = await join(server.url, board.id, board.keys.participant, "P2");
    const fac = await join(server.url, board.id, board.keys.facilitator, "F");
    const obs = await join(server.url, board.id, board.keys.observer, "O");
    const drafts = `${server.wsUrl}/${board.id}/drafts/${p1.participantId}`;
    for (const [who, token] of [
      ["other participant", p2.token],
      ["facilitator", fac.token],
      ["observer", obs.token],
    ] as const) {
      expect(await openRaw(drafts, authProtocols(token)), who).toEqual({
        refused: true,
        status: 403,
      });
    }
    const own = connectClient(server.wsUrl, `${board.id}/drafts/${p1.participantId}`, p1.token);
    try {
      await synced(own);
      own.doc.getMap("cards").set("draft-1", new Y.Map());
      // Reopen from a second doc: the draft was stored.
      const again = connectClient(server.wsUrl, `${board.id}/drafts/${p1.participantId}`, p1.token);
      try {
        await synced(again);
        await waitFor(() => again.doc.getMap("cards").has("draft-1"), { what: "draft stored" });
      } finally {
        again.destroy();
      }
    } finally {
      own.destroy();
    }
  });

  it("keeps the meeting room read-only for every client, facilitator included", async () => {
    const board = await createBoard(server.url);
    const fac = await join(server.url, board.id, board.keys.facilitator, "F");
    const writer = connectClient(server.wsUrl, `${board.id}/meeting`, fac.token);
    try {
      await synced(writer);
      const stored = Y.encodeStateVector(writer.doc);
      const dropped = await metric(server.url, "debrief_readonly_writes_dropped_total");
      writer.doc.getMap("meeting").set("status", "running");
      await waitFor(
        async () => (await metric(server.url, "debrief_readonly_writes_dropped_total")) > dropped,
      );
      const reader = connectClient(server.wsUrl, `${board.id}/meeting`, fac.token);
      try {
        await synced(reader);
        expect(reader.doc.getMap("meeting").get("status")).toBe("lobby");
        expect(Y.encodeStateVector(reader.doc)).toEqual(stored);
      } finally {
        reader.destroy();
      }
    } finally {
      writer.destroy();
    }
  });

  it("sends an observer the board but applies none of its frames", async () => {
    const board = await createBoard(server.url, { title: "Read me" });
    const obs = await join(server.url, board.id, board.keys.observer, "O");
    const raw = await openRaw(`${server.wsUrl}/${board.id}`, authProtocols(obs.token));
    if (raw.refused) throw new Error("observer refused");
    const done = closed(raw.ws);
    // An update frame the observer is not allowed to send: it is dropped, the socket stays open.
    const doc = new Y.Doc();
    doc.getMap("board").set("title", "Hacked");
    const update = Y.encodeStateAsUpdate(doc);
    const frame = new Uint8Array([0, 2, ...varUint(update.length), ...update]);
    const dropped = await metric(server.url, "debrief_readonly_writes_dropped_total");
    raw.ws.send(frame);
    await waitFor(
      async () => (await metric(server.url, "debrief_readonly_writes_dropped_total")) > dropped,
    );
    const check = connectClient(server.wsUrl, board.id, obs.token);
    try {
      await synced(check);
      expect(readBoard(check.doc).info.title).toBe("Read me");
    } finally {
      check.destroy();
    }
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    raw.ws.close();
    await done;
    // It was sent the board (sync step 1 at least) while its own writes were dropped.
    expect(raw.frames.length).toBeGreaterThan(0);
  });
});

function varUint(n: number): number[] {
  const out: number[] = [];
  while (n > 127) {
    out.push((n & 127) | 128);
    n >>>= 7;
  }
  out.push(n);
  return out;
}
