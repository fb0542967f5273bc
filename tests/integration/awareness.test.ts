import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeAwarenessEntries, encodeAwarenessMessage } from "../../server/sync/wire";
import { createBoard, join } from "../support/api";
import { authProtocols, openRaw } from "../support/rawSocket";
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

describe("awareness", () => {
  it("relays presence, refuses to let one connection speak for another, and clears on leave", async () => {
    const board = await createBoard(server.url);
    const sa = await join(server.url, board.id, board.keys.participant, "Ana");
    const sb = await join(server.url, board.id, board.keys.observer, "Ben");
    const a = connectClient(server.wsUrl, board.id, sa.token);
    const b = connectClient(server.wsUrl, board.id, sb.token);
    try {
      await Promise.all([synced(a), synced(b)]);
      a.provider.awareness.setLocalStateField("user", { name: "Ana" });
      b.provider.awareness.setLocalStateField("user", { name: "Ben" });
      const aId = a.doc.clientID;
      await waitFor(() => b.provider.awareness.getStates().get(aId)?.user?.name === "Ana", {
        what: "Ana's presence at Ben",
      });
      // Names peers see come from the session, not from what a client claims.
      a.provider.awareness.setLocalStateField("user", { name: "The CEO", color: "#ff0000" });
      await waitFor(() => b.provider.awareness.getStates().get(aId)?.user?.color === "#ff0000");
      expect(b.provider.awareness.getStates().get(aId)?.user).toEqual({
        name: "Ana",
        color: "#ff0000",
        participantId: sa.participantId,
        role: "participant",
      });
      // Observers are present too: they may not write the board, but others see them.
      await waitFor(
        () => a.provider.awareness.getStates().get(b.doc.clientID)?.user?.name === "Ben",
      );

      // A third connection claims its own id first, then tries to speak for Ana.
      const mallory = await openRaw(`${server.wsUrl}/${board.id}`, authProtocols(sb.token));
      if (mallory.refused) throw new Error("refused");
      const ownId = 424242;
      const claim = (clientId: number, name: string, clock: number) =>
        encodeAwarenessMessage(
          encodeAwarenessEntries([{ clientId, clock, state: JSON.stringify({ user: { name } }) }]),
        );
      mallory.ws.send(claim(ownId, "Mallory", 1));
      await waitFor(() => b.provider.awareness.getStates().has(ownId));
      // Mallory's connection holds Ben's observer session, so that is the name peers see.
      expect(b.provider.awareness.getStates().get(ownId)?.user?.name).toBe("Ben");
      mallory.ws.send(claim(aId, "Not Ana", 999));
      mallory.ws.send(claim(ownId, "Mallory again", 2));
      // Its own later update arrives (clock 2), so the forged one before it was processed too.
      await waitFor(() => b.provider.awareness.meta.get(ownId)?.clock === 2);
      expect(b.provider.awareness.getStates().get(aId)?.user).toMatchObject({
        name: "Ana",
        color: "#ff0000",
      });

      // When a connection closes, the server removes its presence for everyone.
      mallory.ws.close();
      await waitFor(() => !b.provider.awareness.getStates().has(ownId), {
        what: "Mallory removed",
      });
      a.provider.disconnect();
      await waitFor(() => !b.provider.awareness.getStates().has(aId), { what: "Ana removed" });
    } finally {
      a.destroy();
      b.destroy();
    }
  });
});
