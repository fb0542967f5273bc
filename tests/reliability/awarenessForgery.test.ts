import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeAwarenessEntries, encodeAwarenessMessage } from "../../server/sync/wire";
import { createBoard, join } from "../support/api";
import { authProtocols, openRaw } from "../support/rawSocket";
import { type ServerHandle, startServer } from "../support/serverProcess";
import { connectClient, synced } from "../support/syncClient";
import { waitFor } from "../support/waitFor";
import { figure } from "./support/figures";

let server: ServerHandle;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server.stop();
});

type Entry = { clientId: number; clock: number; state: unknown };
const frame = (entries: Entry[]) =>
  encodeAwarenessMessage(
    encodeAwarenessEntries(entries.map((e) => ({ ...e, state: JSON.stringify(e.state) }))),
  );

describe("forged presence", () => {
  it("drops awareness for another client id and shows only names from the session", async () => {
    const board = await createBoard(server.url);
    const ana = await join(server.url, board.id, board.keys.participant, "Ana");
    const ben = await join(server.url, board.id, board.keys.observer, "Ben");
    const mal = await join(server.url, board.id, board.keys.participant, "Mal");
    const a = connectClient(server.wsUrl, board.id, ana.token);
    const b = connectClient(server.wsUrl, board.id, ben.token);
    const m = await openRaw(`${server.wsUrl}/${board.id}`, authProtocols(mal.token));
    if (m.refused) throw new Error("refused");
    try {
      await Promise.all([synced(a), synced(b)]);
      a.provider.awareness.setLocalStateField("user", { name: "Ana", color: "#00f" });
      const aId = a.doc.clientID;
      const states = () => b.provider.awareness.getStates();
      await waitFor(() => states().get(aId)?.user?.name === "Ana");
      const own = 777_001;
      let clock = 1;
      // Mallory binds her own id, claiming a name, a role and someone else's participant id.
      m.ws.send(
        frame([
          {
            clientId: own,
            clock: clock++,
            state: { user: { name: "Ana", role: "facilitator", participantId: ana.participantId } },
          },
        ]),
      );
      await waitFor(() => states().has(own));
      const attempts: Array<[string, Entry[]]> = [
        ["rename another client", [{ clientId: aId, clock: 50, state: { user: { name: "Mal" } } }]],
        ["remove another client", [{ clientId: aId, clock: 51, state: null }]],
        [
          "switch to a second id",
          [{ clientId: own + 1, clock: 1, state: { user: { name: "X" } } }],
        ],
        [
          "own and foreign in one frame",
          [
            { clientId: own, clock: clock++, state: { user: { name: "Mal" } } },
            { clientId: aId, clock: 52, state: { user: { name: "Hijacked" } } },
          ],
        ],
        [
          "forge the session name",
          [{ clientId: own, clock: clock++, state: { user: { name: "CEO" } } }],
        ],
      ];
      let shownForgeries = 0;
      for (const [what, entries] of attempts) {
        m.ws.send(frame(entries));
        // Mallory's own next update is a marker: once it arrived, the forged one was handled.
        const marker = clock++;
        m.ws.send(frame([{ clientId: own, clock: marker, state: { user: { name: "Mal" } } }]));
        await waitFor(() => b.provider.awareness.meta.get(own)?.clock === marker, { what });
        const ana = states().get(aId)?.user;
        if (ana?.name !== "Ana" || ana?.color !== "#00f") shownForgeries++;
        if (states().has(own + 1)) shownForgeries++;
      }
      const malUser = states().get(own)?.user;
      const fromSession =
        malUser?.name === "Mal" &&
        malUser?.role === "participant" &&
        malUser?.participantId === mal.participantId;
      const anaUser = states().get(aId)?.user;
      const anaFromSession =
        anaUser?.participantId === ana.participantId && anaUser?.role === "participant";

      figure("awareness_forgery_attempts", attempts.length + 1);
      figure("awareness_forgeries_shown", shownForgeries + (fromSession ? 0 : 1));
      figure("awareness_names_from_session", `${Number(fromSession) + Number(anaFromSession)}/2`);
      expect(shownForgeries).toBe(0);
      expect(fromSession).toBe(true);
      expect(anaFromSession).toBe(true);
    } finally {
      m.ws.close();
      a.destroy();
      b.destroy();
    }
  });
});
