import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createTokenSigner } from "../../server/auth/tokens";
import { encodeAwarenessEntries, encodeAwarenessMessage } from "../../server/sync/wire";
import { createBoard, join, meetingAction, postJson } from "../support/api";
import { metric } from "../support/metrics";
import { authProtocols, openRaw } from "../support/rawSocket";
import { type ServerHandle, startServer } from "../support/serverProcess";
import { type Client, connectClient, synced } from "../support/syncClient";
import { waitFor } from "../support/waitFor";
import { figure } from "./support/figures";
import { updateFrame } from "./support/frames";

const SECRET = "reliability-authorisation-secret-32-chars-at-least";
let server: ServerHandle;

beforeAll(async () => {
  server = await startServer({ env: { SESSION_SECRET: SECRET } });
});

afterAll(async () => {
  await server.stop();
});

type Action = "read" | "write" | "awareness";
/** What the design allows: refused at the handshake, or connected with writes dropped. */
type Expected = "refused" | "read-only" | "allowed";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sv = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString("base64");

describe("authorisation matrix", () => {
  it("gives no document byte to anyone not allowed and applies no write from read-only connections", async () => {
    const board = await createBoard(server.url, { title: "Secret incident" });
    const other = await createBoard(server.url, { title: "Another board" });
    const fac = await join(server.url, board.id, board.keys.facilitator, "Fran");
    const p1 = await join(server.url, board.id, board.keys.participant, "Priya");
    const p2 = await join(server.url, board.id, board.keys.participant, "Pat");
    // A session for a link the facilitator replaced since; the observer row joins with the new one.
    const revoked = await join(server.url, board.id, board.keys.observer, "Old link");
    const replaced = await postJson(
      `${server.url}/api/boards/${board.id}/links/observer`,
      undefined,
      {
        authorization: `Bearer ${fac.token}`,
      },
    );
    expect(replaced.status).toBe(200);
    const obs = await join(server.url, board.id, (replaced.json as { key: string }).key, "Olga");
    const stranger = await join(server.url, other.id, other.keys.facilitator, "Stranger");
    const signer = createTokenSigner(Buffer.from(SECRET));
    const expired = signer.issue({
      boardId: board.id,
      role: "facilitator",
      participantId: fac.participantId,
      name: "Fran",
      expiresAt: Date.now() - 1000,
    });
    const forged = createTokenSigner(Buffer.from("f".repeat(48))).issue({
      boardId: board.id,
      role: "facilitator",
      participantId: "forged-participant",
      name: "Mallory",
      expiresAt: Date.now() + 3_600_000,
    });
    const drafts = `${board.id}/drafts/${p1.participantId}`;
    const meeting = `${board.id}/meeting`;
    // Who watches each room with the right to see it, to notice any change or presence.
    const watchers = new Map<string, Client>([
      [board.id, connectClient(server.wsUrl, board.id, fac.token)],
      [drafts, connectClient(server.wsUrl, drafts, p1.token)],
      [meeting, connectClient(server.wsUrl, meeting, fac.token)],
    ]);
    await Promise.all([...watchers.values()].map((w) => synced(w)));
    watchers.get(drafts)!.doc.getMap("cards").set("private", "only Priya may read this");
    await sleep(200);

    const rows: Array<[string, string[], string, Expected]> = [
      ["no token", ["debrief.v1"], board.id, "refused"],
      ["expired", authProtocols(expired), board.id, "refused"],
      ["forged", authProtocols(forged), board.id, "refused"],
      ["replaced link", authProtocols(revoked.token), board.id, "refused"],
      ["other board", authProtocols(stranger.token), board.id, "refused"],
      ["observer", authProtocols(obs.token), board.id, "read-only"],
      ["participant on another's drafts", authProtocols(p2.token), drafts, "refused"],
      ["facilitator on drafts", authProtocols(fac.token), drafts, "refused"],
      ["participant on meeting controls", authProtocols(p1.token), meeting, "read-only"],
    ];
    const actions: Action[] = ["read", "write", "awareness"];
    const failures: string[] = [];
    let leakedBytes = 0;
    let appliedReadOnlyWrites = 0;
    let cells = 0;

    for (const [who, protocols, room, expected] of rows) {
      for (const action of actions) {
        cells++;
        const watcher = watchers.get(room)!;
        const before = sv(watcher.doc);
        const raw = await openRaw(`${server.wsUrl}/${room}`, protocols);
        const cell = `${who} × ${action}`;
        if (raw.refused) {
          if (expected !== "refused") failures.push(`${cell}: refused ${raw.status}`);
          continue;
        }
        raw.ws.on("error", () => {});
        if (expected === "refused") {
          await sleep(100);
          leakedBytes += raw.frames.reduce((n, f) => n + f.length, 0);
          failures.push(`${cell}: upgraded`);
          raw.ws.terminate();
          continue;
        }
        if (action === "read") {
          await waitFor(() => raw.frames.length > 0, { what: `${cell} to read` });
        } else if (action === "write") {
          const dropped = await metric(server.url, "debrief_readonly_writes_dropped_total");
          const doc = new Y.Doc();
          doc.getMap("board").set("title", "Overwritten");
          doc.getMap("meeting").set("status", "ended");
          raw.ws.send(updateFrame(Y.encodeStateAsUpdate(doc)));
          await waitFor(
            async () =>
              (await metric(server.url, "debrief_readonly_writes_dropped_total")) > dropped,
            { what: `${cell} write to be dropped` },
          );
          await sleep(100);
          if (sv(watcher.doc) !== before) {
            appliedReadOnlyWrites++;
            failures.push(`${cell}: state vector changed`);
          }
        } else {
          // Presence from read-only connections is allowed, but under the session's name.
          const clientId = 900_000 + cells;
          raw.ws.send(
            encodeAwarenessMessage(
              encodeAwarenessEntries([
                { clientId, clock: 1, state: JSON.stringify({ user: { name: "The CEO" } }) },
              ]),
            ),
          );
          await waitFor(() => watcher.provider.awareness.getStates().has(clientId), {
            what: `${cell} presence`,
          });
          const shown = watcher.provider.awareness.getStates().get(clientId)?.user?.name;
          if (shown === "The CEO") failures.push(`${cell}: forged name shown`);
        }
        raw.ws.close();
      }
    }

    // The meeting's controls over HTTP: only facilitators may act.
    const controls = await meetingAction(server.url, board.id, p1.token, { action: "start" });
    if (controls.status !== 403) failures.push(`participant meeting action: ${controls.status}`);
    // And a fresh load shows none of the attempted writes.
    const check = connectClient(server.wsUrl, board.id, fac.token);
    await synced(check);
    if (check.doc.getMap("board").get("title") === "Overwritten") failures.push("title changed");
    check.destroy();
    for (const w of watchers.values()) w.destroy();

    figure("auth_matrix_cells", cells);
    figure("auth_matrix_failures", failures.length);
    figure("auth_bytes_to_refused", leakedBytes);
    figure("auth_writes_applied_from_read_only", appliedReadOnlyWrites);
    expect(cells).toBe(27);
    expect(failures).toEqual([]);
    expect(leakedBytes).toBe(0);
    expect(appliedReadOnlyWrites).toBe(0);
  }, 60_000);
});
