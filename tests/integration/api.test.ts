import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readBoard } from "../../shared/board";
import { createBoard, join, postJson } from "../support/api";
import { type ServerHandle, startServer } from "../support/serverProcess";
import { connectClient, synced } from "../support/syncClient";
import { waitFor } from "../support/waitFor";

let server: ServerHandle;

beforeAll(async () => {
  server = await startServer({ env: { SESSION_RATE_PER_MINUTE: "1000" } });
});

afterAll(async () => {
  await server.stop();
});

describe("POST /api/boards", () => {
  it("creates a board with three long random keys and links that carry them in the fragment", async () => {
    const res = await postJson(`${server.url}/api/boards`, {
      title: "  DNS outage  ",
      incidentStart: "2026-11-02T14:05:00+01:00",
      timezone: "Europe/Berlin",
    });
    expect(res.status).toBe(201);
    const body = res.json as {
      title: string;
      id: string;
      keys: Record<string, string>;
      links: Record<string, string>;
    };
    expect(body.title).toBe("DNS outage");
    expect(body.id).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const keys = Object.values(body.keys as Record<string, string>);
    expect(new Set(keys).size).toBe(3);
    for (const key of keys) expect(key.length).toBeGreaterThanOrEqual(43);
    for (const role of ["facilitator", "participant", "observer"]) {
      expect(body.links[role]).toBe(`${server.url}/b/${body.id}#key=${body.keys[role]}`);
    }
  });

  it("refuses bad bodies with a 400 that names the field", async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{}, /title/],
      [{ title: "" }, /title: must not be empty/],
      [{ title: "x", timezone: "Mars/Olympus" }, /timezone/],
      [{ title: "x", incidentStart: "yesterday" }, /incidentStart/],
      [
        { title: "x", incidentStart: "2026-11-02T14:05:00" },
        /incidentStart: must be ISO 8601 with offset/,
      ],
      [{ title: "x", extra: 1 }, /extra/],
      [
        { title: "x", incidentStart: "2026-11-02T14:05:00Z", incidentEnd: "2026-11-02T13:00:00Z" },
        /incidentEnd: must not be before incidentStart/,
      ],
      ["just a string", /object/],
    ];
    for (const [body, message] of cases) {
      const res = await postJson(`${server.url}/api/boards`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(String(res.json?.error)).toMatch(message);
    }
  });

  it("refuses a body that is not JSON", async () => {
    const bad = await fetch(`${server.url}/api/boards`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{nope",
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: "body is not valid JSON" });
    const wrongType = await fetch(`${server.url}/api/boards`, { method: "POST", body: "title=x" });
    expect(wrongType.status).toBe(415);
  });

  it("refuses a body over 64 KiB with 413", async () => {
    const res = await postJson(`${server.url}/api/boards`, { title: "x".repeat(70_000) });
    expect(res.status).toBe(413);
  });
});

describe("POST /api/boards/:id/sessions", () => {
  it("gives each role a session token", async () => {
    const board = await createBoard(server.url);
    for (const role of ["facilitator", "participant", "observer"] as const) {
      const s = await join(server.url, board.id, board.keys[role], "Sam");
      expect(s.role).toBe(role);
      expect(s.boardId).toBe(board.id);
      expect(s.token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
      expect(s.expiresAt).toBeGreaterThan(Date.now());
    }
  });

  it("answers an unknown board and a wrong key the same way", async () => {
    const board = await createBoard(server.url);
    const wrongKey = await postJson(`${server.url}/api/boards/${board.id}/sessions`, {
      key: "not-the-key",
      name: "Eve",
    });
    const unknownBoard = await postJson(
      `${server.url}/api/boards/AAAAAAAAAAAAAAAAAAAAAA/sessions`,
      {
        key: board.keys.facilitator,
        name: "Eve",
      },
    );
    expect(wrongKey.status).toBe(404);
    expect(unknownBoard.status).toBe(404);
    expect(wrongKey.json).toEqual(unknownBoard.json);
  });

  it("creates a participant's lane once, and keeps it when the session is resumed", async () => {
    const board = await createBoard(server.url);
    const first = await join(server.url, board.id, board.keys.participant, "Priya");
    const again = await postJson(`${server.url}/api/boards/${board.id}/sessions`, {
      key: board.keys.participant,
      name: "Priya R.",
      resumeToken: first.token,
    });
    expect(again.status).toBe(200);
    expect(again.json?.participantId).toBe(first.participantId);
    const other = await join(server.url, board.id, board.keys.participant, "Omar");
    expect(other.participantId).not.toBe(first.participantId);

    const client = connectClient(server.wsUrl, board.id, first.token);
    try {
      await synced(client);
      await waitFor(() => readBoard(client.doc).lanes.length === 3);
      const lanes = readBoard(client.doc).lanes.filter((l) => l.kind === "participant");
      expect(lanes.map((l) => [l.participantId, l.name]).sort()).toEqual(
        [
          [first.participantId, "Priya R."],
          [other.participantId, "Omar"],
        ].sort(),
      );
    } finally {
      client.destroy();
    }
  });

  it("does not create lanes for facilitators and observers", async () => {
    const board = await createBoard(server.url);
    const fac = await join(server.url, board.id, board.keys.facilitator, "Fran");
    await join(server.url, board.id, board.keys.observer, "Oli");
    const client = connectClient(server.wsUrl, board.id, fac.token);
    try {
      await synced(client);
      expect(readBoard(client.doc).lanes.map((l) => l.kind)).toEqual(["timeline"]);
    } finally {
      client.destroy();
    }
  });
});

describe("GET /api/boards/:id", () => {
  it("returns the board summary for a valid session", async () => {
    const board = await createBoard(server.url, { title: "Queue backlog", timezone: "Asia/Tokyo" });
    const s = await join(server.url, board.id, board.keys.observer, "Olga");
    const res = await fetch(`${server.url}/api/boards/${board.id}`, {
      headers: { authorization: `Bearer ${s.token}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      id: board.id,
      title: "Queue backlog",
      timezone: "Asia/Tokyo",
      role: "observer",
      name: "Olga",
    });
  });

  it("refuses a missing, forged or other board's token", async () => {
    const a = await createBoard(server.url);
    const b = await createBoard(server.url);
    const sa = await join(server.url, a.id, a.keys.facilitator, "A");
    const get = (token?: string) =>
      fetch(`${server.url}/api/boards/${b.id}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    expect((await get()).status).toBe(401);
    expect((await get(`${sa.token.split(".")[0]}.AAAA`)).status).toBe(401);
    expect((await get(sa.token)).status).toBe(403);
  });
});

describe("operations", () => {
  it("answers /healthz, /readyz and /metrics", async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ ok: true });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    for (const name of [
      "debrief_rooms_loaded",
      "debrief_connections",
      "debrief_updates_in_total",
      "debrief_updates_out_total",
      "debrief_bytes_in_total",
      "debrief_storage_seconds_count",
      "debrief_compactions_total",
    ]) {
      expect(metrics).toMatch(new RegExp(`^${name} \\d+`, "m"));
    }
  });

  it("never writes a key or token into its logs", async () => {
    const board = await createBoard(server.url);
    const s = await join(server.url, board.id, board.keys.participant, "Lee");
    const text = JSON.stringify(server.logs);
    expect(text).not.toContain(board.keys.participant);
    expect(text).not.toContain(s.token);
  });
});

describe("session rate limit", () => {
  it("answers 429 when one address exchanges keys too often", async () => {
    const limited = await startServer({ env: { SESSION_RATE_PER_MINUTE: "3" } });
    try {
      const board = await createBoard(limited.url);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await postJson(`${limited.url}/api/boards/${board.id}/sessions`, {
          key: "guess",
          name: "G",
        });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([404, 404, 404, 429, 429]);
    } finally {
      await limited.stop();
    }
  });
});
