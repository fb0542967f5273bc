import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { updateFrame } from "../reliability/support/frames";
import { sendOnFreshSocket } from "../reliability/support/sendFrame";
import { createBoard, join } from "../support/api";
import { metric } from "../support/metrics";
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

/** `n` separate items in one transaction (inserted at the front, so none merge). */
function insertMany(doc: Y.Doc, n: number, value: number): void {
  const list = doc.getArray<number>("a");
  doc.transact(() => {
    for (let i = 0; i < n; i++) list.insert(0, [value]);
  });
}

async function session(name: string) {
  const board = await createBoard(server.url, { title: `Large ${name}` });
  const token = async (who: string) =>
    (await join(server.url, board.id, board.keys.participant, who)).token;
  return { id: board.id, url: `${server.wsUrl}/${board.id}`, token };
}

describe("updates of thousands of structs", () => {
  it("are stored with the edits right behind them, in order, without a resync", async () => {
    const board = await session("one socket");
    const writer = connectClient(server.wsUrl, board.id, await board.token("W"));
    const reader = connectClient(server.wsUrl, board.id, await board.token("R"));
    try {
      await Promise.all([synced(writer), synced(reader)]);
      const deferredBefore = await metric(server.url, "debrief_updates_deferred_total");
      const slicedBefore = await metric(server.url, "debrief_updates_sliced_total");
      // One large update, then small ones that build on it (deleting and inserting among its
      // items), each sent as its own frame while the large one is still being counted.
      insertMany(writer.doc, 3_000, 1);
      const list = writer.doc.getArray<number>("a");
      for (let i = 0; i < 5; i++) {
        list.delete(i * 100, 1);
        list.insert(i * 100 + 1, [2]);
      }
      await waitFor(
        () =>
          reader.doc.getArray("a").length === list.length &&
          JSON.stringify(reader.doc.getArray("a").toJSON()) === JSON.stringify(list.toJSON()),
        { timeoutMs: 15_000, what: "reader has every edit" },
      );
      expect(await metric(server.url, "debrief_updates_sliced_total")).toBe(slicedBefore + 1);
      expect(await metric(server.url, "debrief_updates_deferred_total")).toBe(deferredBefore);
    } finally {
      writer.destroy();
      reader.destroy();
    }
  });

  it("sent again cost the room no commit and no relay; only their new structs are taken", async () => {
    const board = await session("resent");
    const writer = connectClient(server.wsUrl, board.id, await board.token("W"));
    const reader = connectClient(server.wsUrl, board.id, await board.token("R"));
    const resender = await board.token("X");
    try {
      await Promise.all([synced(writer), synced(reader)]);
      insertMany(writer.doc, 3_000, 1);
      await waitFor(() => reader.doc.getArray("a").length === 3_000, {
        timeoutMs: 15_000,
        what: "reader has the first 3 000",
      });
      const counters = async () => ({
        stored: await metric(server.url, "debrief_updates_in_total"),
        relayed: await metric(server.url, "debrief_updates_out_total"),
        sliced: await metric(server.url, "debrief_updates_sliced_total"),
      });
      const before = await counters();
      // The whole document again (a stale offline copy, a replay): nothing new in it.
      const whole = Y.encodeStateAsUpdate(writer.doc);
      const resent = await sendOnFreshSocket(board.url, resender, [updateFrame(whole)], 1_500);
      expect(resent.code).toBe(0); // not refused: resending is no fault
      expect(await counters()).toEqual(before);

      // The same again with a thousand new items after the known ones: only those are taken.
      writer.provider.disconnect();
      insertMany(writer.doc, 1_000, 2);
      const grown = Y.encodeStateAsUpdate(writer.doc);
      const sent = await sendOnFreshSocket(board.url, resender, [updateFrame(grown)], 1_500);
      expect(sent.code).toBe(0);
      await waitFor(() => reader.doc.getArray("a").length === 4_000, {
        timeoutMs: 15_000,
        what: "reader has all 4 000",
      });
      const after = await counters();
      expect(after.stored).toBe(before.stored + 1);
      expect(after.sliced).toBe(before.sliced + 1); // 1 000 structs: still a large update
      expect(reader.doc.getArray("a").toJSON()).toEqual(writer.doc.getArray("a").toJSON());
    } finally {
      writer.destroy();
      reader.destroy();
    }
  });

  it("hold up nobody else's edits to the room for good, and everyone converges", async () => {
    const board = await session("two writers");
    const big = connectClient(server.wsUrl, board.id, await board.token("B"));
    const small = connectClient(server.wsUrl, board.id, await board.token("S"));
    try {
      await Promise.all([synced(big), synced(small)]);
      insertMany(big.doc, 4_000, 1);
      for (let i = 0; i < 20; i++) small.doc.getText("t").insert(0, "x");
      const fresh = connectClient(server.wsUrl, board.id, await board.token("F"));
      try {
        const done = (c: typeof big) =>
          c.doc.getArray("a").length === 4_000 && c.doc.getText("t").length === 20;
        await waitFor(() => done(big) && done(small) && done(fresh), {
          timeoutMs: 15_000,
          what: "all three hold both writers' edits",
        });
        const state = (c: typeof big) => Y.encodeStateVector(c.doc);
        expect(state(fresh)).toEqual(state(big));
        expect(state(small)).toEqual(state(big));
      } finally {
        fresh.destroy();
      }
    } finally {
      big.destroy();
      small.destroy();
    }
  });
});
