import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createBoard, join } from "../support/api";
import { metric } from "../support/metrics";
import { authProtocols, closed, openRaw } from "../support/rawSocket";
import { type ServerHandle, startServer } from "../support/serverProcess";
import { connectClient, synced } from "../support/syncClient";
import { waitFor } from "../support/waitFor";
import { figure } from "./support/figures";
import { updateFrame } from "./support/frames";

const LIMIT = 16 * 1024 * 1024; // the default MAX_FRAME_BYTES
const MiB = 1024 * 1024;
let server: ServerHandle;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server.stop();
});

/** A valid update frame of exactly `size` bytes: one text insert padded to fit. */
function frameOfSize(size: number, key: string): Uint8Array {
  let length = size;
  for (;;) {
    const doc = new Y.Doc();
    doc.getText(key).insert(0, "x".repeat(length));
    const frame = updateFrame(Y.encodeStateAsUpdate(doc));
    if (frame.length === size) return frame;
    length += size - frame.length;
  }
}

/** Sends one frame; its close code (0: still open after `waitMs`). Send errors are expected. */
async function send(roomUrl: string, token: string, frame: Uint8Array, waitMs = 3000) {
  const raw = await openRaw(roomUrl, authProtocols(token));
  if (raw.refused) throw new Error(`refused ${raw.status}`);
  // The server may close while a 100 MiB frame is still being written: EPIPE is the point.
  raw.ws.on("error", () => {});
  const done = closed(raw.ws);
  raw.ws.send(frame);
  const code = await Promise.race([
    done.then((c) => c.code),
    new Promise<number>((r) => setTimeout(() => r(0), waitMs)),
  ]);
  if (code === 0) raw.ws.close();
  return code;
}

describe("frames at the size limit", () => {
  it("accepts limit-1 and limit, closes limit+1 and 100 MiB with 1009, and memory stays bounded", async () => {
    const board = await createBoard(server.url);
    const token = (await join(server.url, board.id, board.keys.participant, "Big")).token;
    const roomUrl = `${server.wsUrl}/${board.id}`;
    const peer = connectClient(server.wsUrl, board.id, token);
    try {
      await synced(peer);
      const under = await send(roomUrl, token, frameOfSize(LIMIT - 1, "under"));
      const at = await send(roomUrl, token, frameOfSize(LIMIT, "at"));
      await waitFor(
        () => peer.doc.getText("under").length > 0 && peer.doc.getText("at").length > 0,
        {
          timeoutMs: 20_000,
          what: "the peer to receive both frames within the limit",
        },
      );
      const over = await send(roomUrl, token, new Uint8Array(LIMIT + 1));

      // The 100 MiB frames: the server must refuse them from the frame header, never buffer them.
      const rssBefore = await metric(server.url, "process_resident_memory_bytes");
      let rssPeak = rssBefore;
      const sampling = setInterval(() => {
        metric(server.url, "process_resident_memory_bytes").then(
          (v) => {
            rssPeak = Math.max(rssPeak, v);
          },
          () => {},
        );
      }, 50);
      const huge = new Uint8Array(100 * MiB);
      const hugeCodes: number[] = [];
      for (let i = 0; i < 3; i++) hugeCodes.push(await send(roomUrl, token, huge, 30_000));
      clearInterval(sampling);
      rssPeak = Math.max(rssPeak, await metric(server.url, "process_resident_memory_bytes"));
      const growth = rssPeak - rssBefore;
      const alive = (await fetch(`${server.url}/healthz`)).status === 200;

      figure("frame_size_limit_bytes", LIMIT);
      figure("frame_size_limit_minus_1_close_code", under);
      figure("frame_size_limit_close_code", at);
      figure("frame_size_limit_plus_1_close_code", over);
      figure("frame_size_100mib_close_codes", hugeCodes.join(" "));
      figure("frame_size_100mib_rss_growth_mib", growth / MiB);
      figure("frame_size_server_alive", alive ? 1 : 0);
      expect(under).toBe(0);
      expect(at).toBe(0);
      expect(over).toBe(1009);
      expect(hugeCodes).toEqual([1009, 1009, 1009]);
      expect(growth).toBeLessThan(LIMIT);
      expect(alive).toBe(true);
    } finally {
      peer.destroy();
    }
  }, 120_000);
});
