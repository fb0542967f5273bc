import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { readMeeting } from "../../shared/meeting";
import { createBoard, join, meetingAction, postJson } from "../support/api";
import { QUICK_SCRIPT } from "../support/scripts";
import { type ServerHandle, startServer } from "../support/serverProcess";
import { connectClient, synced } from "../support/syncClient";
import { waitFor } from "../support/waitFor";

let server: ServerHandle;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server.stop();
});

async function quickBoard() {
  const board = await createBoard(server.url, { script: QUICK_SCRIPT });
  const fac = await join(server.url, board.id, board.keys.facilitator, "Fran");
  return { board, fac };
}

describe("choosing a script", () => {
  it("uses the 60-minute blameless debrief unless told otherwise", async () => {
    const board = await createBoard(server.url);
    const fac = await join(server.url, board.id, board.keys.facilitator, "F");
    const res = await fetch(`${server.url}/api/boards/${board.id}/meeting`, {
      headers: { authorization: `Bearer ${fac.token}` },
    });
    const meeting = (await res.json()) as { scriptId: string; status: string; phases: unknown[] };
    expect(meeting.scriptId).toBe("blameless-60");
    expect(meeting.status).toBe("lobby");
    expect(meeting.phases.length).toBeGreaterThan(3);
  });

  it("accepts a shipped script by id and a custom script in full", async () => {
    const short = await createBoard(server.url, { script: "blameless-30" });
    expect((short as unknown as { scriptId: string }).scriptId).toBe("blameless-30");
    const custom = await createBoard(server.url, { script: QUICK_SCRIPT });
    expect((custom as unknown as { scriptId: string }).scriptId).toBe("quick-test");
  });

  it("refuses an unknown script id and a broken script, naming the field", async () => {
    const unknown = await postJson(`${server.url}/api/boards`, { title: "x", script: "nope" });
    expect(unknown.status).toBe(400);
    expect(String(unknown.json?.error)).toMatch(/script/);
    const broken = structuredClone(QUICK_SCRIPT) as unknown as {
      phases: Array<{ durationMs: number }>;
    };
    broken.phases[1]!.durationMs = -5;
    const bad = await postJson(`${server.url}/api/boards`, { title: "x", script: broken });
    expect(bad.status).toBe(400);
    expect(String(bad.json?.error)).toMatch(/script\.phases\.1\.durationMs/);
    // A wrong type deep inside still names its field.
    const wrongType = structuredClone(QUICK_SCRIPT) as unknown as {
      phases: Array<{ prompts: unknown }>;
    };
    wrongType.phases[0]!.prompts = "none";
    const typed = await postJson(`${server.url}/api/boards`, { title: "x", script: wrongType });
    expect(typed.status).toBe(400);
    expect(String(typed.json?.error)).toMatch(/script\.phases\.0\.prompts/);
  });
});

describe("running a meeting through the API", () => {
  it("posts prompts on time into every client's meeting document", async () => {
    const { board, fac } = await quickBoard();
    const p = await join(server.url, board.id, board.keys.participant, "Pat");
    const watcher = connectClient(server.wsUrl, `${board.id}/meeting`, p.token);
    try {
      await synced(watcher);
      const started = await meetingAction(server.url, board.id, fac.token, { action: "start" });
      expect(started.status).toBe(200);
      expect(started.json).toMatchObject({ status: "running", phaseIndex: 0 });
      await waitFor(() => readMeeting(watcher.doc).prompts.length === 3, { what: "three prompts" });
      const meeting = readMeeting(watcher.doc);
      expect(meeting.prompts.map((x) => x.text)).toEqual(
        QUICK_SCRIPT.phases[0]!.prompts.map((x) => x.text),
      );
      const startedAt = meeting.state!.startedAt!;
      expect(meeting.prompts.map((x) => x.at - startedAt)).toEqual([0, 400, 1200]);
      expect(meeting.history).toEqual([
        { phaseId: "stage", plannedMs: 60_000, startedAt, endedAt: null },
      ]);
    } finally {
      watcher.destroy();
    }
  });

  it("holds prompts while paused and posts them by elapsed time after resume", async () => {
    const { board, fac } = await quickBoard();
    const watcher = connectClient(server.wsUrl, `${board.id}/meeting`, fac.token);
    try {
      await synced(watcher);
      await meetingAction(server.url, board.id, fac.token, { action: "start" });
      await waitFor(() => readMeeting(watcher.doc).prompts.length === 1);
      const paused = await meetingAction(server.url, board.id, fac.token, { action: "pause" });
      expect(paused.json).toMatchObject({ status: "paused" });
      const remaining = (paused.json as { remainingMs: number }).remainingMs;
      expect(remaining).toBeLessThanOrEqual(60_000);
      await new Promise((r) => setTimeout(r, 1500));
      expect(readMeeting(watcher.doc).prompts).toHaveLength(1);
      await meetingAction(server.url, board.id, fac.token, { action: "resume" });
      await waitFor(() => readMeeting(watcher.doc).prompts.length === 3, {
        what: "prompts after resume",
      });
    } finally {
      watcher.destroy();
    }
  });

  it("moves through phases with next, previous, goto, extend and end, recording history", async () => {
    const { board, fac } = await quickBoard();
    const act = (body: unknown) => meetingAction(server.url, board.id, fac.token, body);
    expect((await act({ action: "next" })).status).toBe(409);
    await act({ action: "start" });
    expect((await act({ action: "next" })).json).toMatchObject({
      phaseIndex: 1,
      status: "running",
    });
    expect((await act({ action: "previous" })).json).toMatchObject({ phaseIndex: 0 });
    expect((await act({ action: "goto", phaseId: "walk" })).json).toMatchObject({ phaseIndex: 2 });
    const extended = await act({ action: "extend", ms: 5 * 60_000 });
    expect(extended.json).toMatchObject({ durationMs: 7 * 60_000 });
    expect((await act({ action: "goto", phaseId: "nowhere" })).status).toBe(404);
    expect((await act({ action: "extend" })).status).toBe(400);
    const ended = await act({ action: "end" });
    expect(ended.json).toMatchObject({ status: "ended" });
    const history = (ended.json as { history: Array<{ phaseId: string; endedAt: number | null }> })
      .history;
    expect(history.map((h) => h.phaseId)).toEqual(["stage", "write", "stage", "walk"]);
    expect(history.every((h) => h.endedAt !== null)).toBe(true);
    expect((await act({ action: "resume" })).status).toBe(409);
  });

  it("refuses every action from participants and observers, and changes nothing", async () => {
    const { board, fac } = await quickBoard();
    const p = await join(server.url, board.id, board.keys.participant, "Pat");
    const o = await join(server.url, board.id, board.keys.observer, "Obi");
    const watcher = connectClient(server.wsUrl, `${board.id}/meeting`, fac.token);
    try {
      await synced(watcher);
      const before = Y.encodeStateVector(watcher.doc);
      for (const token of [p.token, o.token]) {
        for (const action of ["start", "pause", "resume", "next", "previous", "end", "reveal"]) {
          const res = await meetingAction(server.url, board.id, token, { action });
          expect(res.status, action).toBe(403);
        }
        const grant = await postJson(
          `${server.url}/api/boards/${board.id}/facilitators`,
          { participantId: p.participantId },
          { authorization: `Bearer ${token}` },
        );
        expect(grant.status).toBe(403);
      }
      const check = connectClient(server.wsUrl, `${board.id}/meeting`, fac.token);
      await synced(check);
      expect(Y.encodeStateVector(check.doc)).toEqual(before);
      check.destroy();
    } finally {
      watcher.destroy();
    }
  });

  it("hands the facilitator role to a participant, and keeps it after their connection drops", async () => {
    const { board, fac } = await quickBoard();
    const p = await join(server.url, board.id, board.keys.participant, "Pat");
    const auth = { authorization: `Bearer ${fac.token}` };
    const unknown = await postJson(
      `${server.url}/api/boards/${board.id}/facilitators`,
      { participantId: "nobody123" },
      auth,
    );
    expect(unknown.status).toBe(404);
    const granted = await postJson(
      `${server.url}/api/boards/${board.id}/facilitators`,
      { participantId: p.participantId },
      auth,
    );
    expect(granted.status).toBe(200);
    expect(granted.json?.facilitators).toEqual([p.participantId]);
    const client = connectClient(server.wsUrl, board.id, p.token);
    await synced(client);
    client.destroy();
    expect(
      (await meetingAction(server.url, board.id, p.token, { action: "start" })).json,
    ).toMatchObject({
      status: "running",
    });
  });

  it("takes a grant back: the participant's meeting controls are refused again", async () => {
    const { board, fac } = await quickBoard();
    const p = await join(server.url, board.id, board.keys.participant, "Pat");
    const q = await join(server.url, board.id, board.keys.participant, "Quinn");
    const facilitators = `${server.url}/api/boards/${board.id}/facilitators`;
    const revoke = (id: string, token: string) =>
      fetch(`${facilitators}/${encodeURIComponent(id)}`, {
        method: "DELETE",
        headers: { authorization: `Bearer ${token}` },
      });
    for (const who of [p, q]) {
      const res = await postJson(
        facilitators,
        { participantId: who.participantId },
        { authorization: `Bearer ${fac.token}` },
      );
      expect(res.status).toBe(200);
    }

    // A granted facilitator may take another's grant back; a plain participant may not.
    const byQuinn = await revoke(p.participantId, q.token);
    expect(byQuinn.status).toBe(200);
    expect(((await byQuinn.json()) as { facilitators: string[] }).facilitators).toEqual([
      q.participantId,
    ]);
    expect((await revoke(q.participantId, p.token)).status).toBe(403);
    expect((await meetingAction(server.url, board.id, p.token, { action: "start" })).status).toBe(
      403,
    );

    // Taking back what is not there changes nothing; a malformed id is a 400.
    const again = await revoke(p.participantId, fac.token);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { facilitators: string[] }).facilitators).toEqual([
      q.participantId,
    ]);
    expect((await revoke("x".repeat(65), fac.token)).status).toBe(400);

    // The meeting document every client reads says so too.
    const watcher = connectClient(server.wsUrl, `${board.id}/meeting`, fac.token);
    try {
      await synced(watcher);
      expect(readMeeting(watcher.doc).facilitators).toEqual([q.participantId]);
    } finally {
      watcher.destroy();
    }
  });

  it("tells clients the server time", async () => {
    const before = Date.now();
    const { now } = (await (await fetch(`${server.url}/api/time`)).json()) as { now: number };
    expect(now).toBeGreaterThanOrEqual(before - 1000);
    expect(now).toBeLessThanOrEqual(Date.now() + 1000);
  });
});

describe("prompts across a restart", () => {
  it("posts a prompt that fell due while the server was down, exactly once", async () => {
    const own = await startServer();
    const board = await createBoard(own.url, { script: QUICK_SCRIPT });
    const fac = await join(own.url, board.id, board.keys.facilitator, "F");
    await meetingAction(own.url, board.id, fac.token, { action: "start" });
    await own.stop("SIGKILL");
    await new Promise((r) => setTimeout(r, 1300));
    const again = await startServer({ dataDir: own.dataDir });
    try {
      const watcher = connectClient(again.wsUrl, `${board.id}/meeting`, fac.token);
      await synced(watcher);
      await waitFor(() => readMeeting(watcher.doc).prompts.length === 3, {
        what: "all three prompts",
      });
      // Give a duplicate the chance to appear, then check there is none.
      await new Promise((r) => setTimeout(r, 300));
      const ids = readMeeting(watcher.doc).prompts.map((x) => x.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(3);
      watcher.destroy();
    } finally {
      await again.stop();
    }
  });
});
