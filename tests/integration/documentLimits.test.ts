import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateFrame } from "../reliability/support/frames";
import { denseUpdate } from "../reliability/support/hostileFrames";
import { sendOnFreshSocket } from "../reliability/support/sendFrame";
import { createBoard, join } from "../support/api";
import { type ServerHandle, startServer } from "../support/serverProcess";
import { connectClient, synced } from "../support/syncClient";

const MAX_STRUCTS = 3_000;
let server: ServerHandle;

beforeAll(async () => {
  server = await startServer({ env: { MAX_DOC_STRUCTS: String(MAX_STRUCTS) } });
});

afterAll(async () => {
  await server.stop();
});

describe("a document's struct limit (MAX_DOC_STRUCTS)", () => {
  it("refuses with 4413 what would take a board past it; the board still loads and can be joined", async () => {
    const board = await createBoard(server.url, { title: "Nearly full" });
    const roomUrl = `${server.wsUrl}/${board.id}`;
    const session = async (name: string) =>
      (await join(server.url, board.id, board.keys.participant, name)).token;

    const first = await sendOnFreshSocket(
      roomUrl,
      await session("A"),
      [updateFrame(denseUpdate(2_000, "a"))],
      1_500,
    );
    const second = await sendOnFreshSocket(roomUrl, await session("B"), [
      updateFrame(denseUpdate(1_500, "b")),
    ]);
    expect(first.code).toBe(0);
    expect(second.code).toBe(4413);

    // Joining adds a lane: a small change of the server's own, let past the limit.
    const late = await join(server.url, board.id, board.keys.participant, "Late");
    const reader = connectClient(server.wsUrl, board.id, late.token);
    await synced(reader);
    expect(reader.doc.getArray("a").length).toBe(2_000);
    expect(reader.doc.getArray("b").length).toBe(0);
    const lanes = reader.doc.getMap("lanes").toJSON() as Record<string, { name?: string }>;
    expect(Object.values(lanes).map((l) => l.name)).toContain("Late");
    reader.destroy();
  });
});
