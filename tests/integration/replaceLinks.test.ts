import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBoard, join, postJson } from "../support/api";
import { authProtocols, closed, openRaw } from "../support/rawSocket";
import { type ServerHandle, startServer } from "../support/serverProcess";
import { waitFor } from "../support/waitFor";

const REPLACED = "session revoked: its link was replaced";
let server: ServerHandle;

beforeAll(async () => {
  server = await startServer({ env: { SESSION_RATE_PER_MINUTE: "1000" } });
});

afterAll(async () => {
  await server.stop();
});

const replaceLink = (boardId: string, role: string, token: string) =>
  postJson(`${server.url}/api/boards/${boardId}/links/${role}`, undefined, {
    authorization: `Bearer ${token}`,
  });

const boardSummary = (boardId: string, token: string) =>
  fetch(`${server.url}/api/boards/${boardId}`, { headers: { authorization: `Bearer ${token}` } });

describe("replacing a board's link", () => {
  it("signs nobody in with the old key, and ends every session issued for it", async () => {
    const board = await createBoard(server.url);
    const fac = await join(server.url, board.id, board.keys.facilitator, "Fac");
    const pat = await join(server.url, board.id, board.keys.participant, "Pat");
    const olu = await join(server.url, board.id, board.keys.observer, "Olu");
    const open = await openRaw(`${server.wsUrl}/${board.id}`, authProtocols(pat.token));
    if (open.refused) throw new Error(`refused ${open.status}`);
    const patClosed = closed(open.ws);
    const reason = new Promise<string>((resolve) =>
      open.ws.once("close", (_code, why) => resolve(why.toString())),
    );

    const res = await replaceLink(board.id, "participant", fac.token);
    expect(res.status).toBe(200);
    const fresh = res.json as { role: string; key: string; link: string };
    expect(fresh.role).toBe("participant");
    expect(fresh.key).not.toBe(board.keys.participant);
    expect(fresh.link).toBe(`${server.url}/b/${board.id}#key=${fresh.key}`);

    // Pat's open socket is closed at once, as a finished session (the client then rejoins
    // with the key it holds, which no longer works, and says the link is not valid).
    expect((await patClosed).code).toBe(4401);
    expect(await reason).toBe(REPLACED);
    const summary = await boardSummary(board.id, pat.token);
    expect(summary.status).toBe(401);
    expect(await summary.json()).toEqual({ error: REPLACED });
    const again = await openRaw(`${server.wsUrl}/${board.id}`, authProtocols(pat.token));
    expect(again).toMatchObject({ refused: true, status: 401 });

    // The old key is refused like any wrong key; the new one signs in.
    const oldKey = await postJson(`${server.url}/api/boards/${board.id}/sessions`, {
      key: board.keys.participant,
      name: "Pat",
    });
    expect(oldKey.status).toBe(404);
    const newPat = await join(server.url, board.id, fresh.key, "Pat");
    expect((await boardSummary(board.id, newPat.token)).status).toBe(200);

    // Other roles' sessions are untouched.
    expect((await boardSummary(board.id, olu.token)).status).toBe(200);
    expect((await boardSummary(board.id, fac.token)).status).toBe(200);
  });

  it("lets only holders of the facilitator link replace links", async () => {
    const board = await createBoard(server.url);
    const fac = await join(server.url, board.id, board.keys.facilitator, "Fac");
    const pat = await join(server.url, board.id, board.keys.participant, "Pat");
    expect((await replaceLink(board.id, "observer", pat.token)).status).toBe(403);
    expect((await replaceLink(board.id, "owner", fac.token)).status).toBe(404);
    const other = await createBoard(server.url);
    expect((await replaceLink(other.id, "observer", fac.token)).status).toBe(403);
    // Replacing the facilitator link ends the caller's own session too; the answer carries the
    // key to sign in again with.
    const res = await replaceLink(board.id, "facilitator", fac.token);
    expect(res.status).toBe(200);
    expect((await boardSummary(board.id, fac.token)).status).toBe(401);
    const back = await join(server.url, board.id, (res.json as { key: string }).key, "Fac");
    expect(back.role).toBe("facilitator");
    await waitFor(async () => (await boardSummary(board.id, back.token)).status === 200);
  });
});
