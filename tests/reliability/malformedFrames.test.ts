import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { encodeAwarenessEntries, encodeAwarenessMessage } from "../../server/sync/wire";
import { createBoard, join } from "../support/api";
import { createRandom, type Random } from "../support/random";
import { authProtocols, closed, openRaw } from "../support/rawSocket";
import { type ServerHandle, startServer } from "../support/serverProcess";
import { connectClient, synced } from "../support/syncClient";
import { watchEventLoop } from "./support/eventLoop";
import { figure, reliabilitySeed, scaled } from "./support/figures";
import { isWellFormedFrame } from "./support/frameOracle";
import { syncFrame, updateFrame } from "./support/frames";

const RANDOM_FRAMES = scaled(150, 5000);
let server: ServerHandle;
let boardId: string;
let token: string;

beforeAll(async () => {
  // The rate limit is not under test here; a generous one keeps every frame a decoder's problem.
  server = await startServer({ env: { RATE_PER_SECOND: "10000", RATE_BURST: "10000" } });
  const board = await createBoard(server.url, { title: "Malformed" });
  boardId = board.id;
  token = (await join(server.url, board.id, board.keys.facilitator, "F")).token;
});

afterAll(async () => {
  await server.stop();
});

/** Real frames a client sends, as the base for truncations and bit flips. */
function realFrames(): Uint8Array[] {
  const doc = new Y.Doc();
  doc.getMap("scratch").set("k", "value");
  doc.getText("t").insert(0, "hello");
  const awareness = encodeAwarenessMessage(
    encodeAwarenessEntries([{ clientId: 7, clock: 1, state: JSON.stringify({ user: { n: 1 } }) }]),
  );
  return [
    updateFrame(Y.encodeStateAsUpdate(doc)),
    syncFrame(0, Y.encodeStateVector(doc)),
    awareness,
  ];
}

/** Every family of malformed frame, labelled; only frames an independent decoder rejects. */
function malformedFrames(rnd: Random): Array<[string, Uint8Array]> {
  const out: Array<[string, Uint8Array]> = [["empty", new Uint8Array()]];
  for (const frame of realFrames()) {
    for (let cut = 1; cut < frame.length; cut++) out.push(["truncated", frame.slice(0, cut)]);
    for (let bit = 0; bit < frame.length * 8; bit++) {
      const flipped = frame.slice();
      flipped[bit >> 3]! ^= 1 << (bit & 7);
      out.push(["bit flip", flipped]);
    }
  }
  for (let i = 0; i < RANDOM_FRAMES; i++) {
    const bytes = new Uint8Array(1 + rnd.int(64)).map(() => rnd.int(256));
    // Half of them look like an update frame, so they reach the Yjs decoder.
    if (rnd.chance(0.5)) bytes.set([0, 2, Math.max(0, bytes.length - 3)].slice(0, bytes.length));
    out.push(["random bytes", bytes]);
  }
  const overflow = new Array(10).fill(255);
  out.push(["varint overflow", new Uint8Array([...overflow, 1])]);
  out.push(["varint overflow", new Uint8Array([0, ...overflow, 1])]);
  out.push(["varint overflow", new Uint8Array([0, 2, ...overflow, 1])]);
  out.push(["varint overflow", new Uint8Array([1, ...overflow, 1])]);
  for (const type of [2, 4, 5, 6, 9, 17, 127])
    out.push(["unknown type", new Uint8Array([type, 0, 0])]);
  out.push(["unknown type", new Uint8Array([0x80, 0x01, 0])]);
  out.push(["unknown sync step", new Uint8Array([0, 3, 0])]);
  return out.filter(([, frame]) => !isWellFormedFrame(frame));
}

async function roomState(): Promise<Uint8Array> {
  const client = connectClient(server.wsUrl, boardId, token);
  try {
    await synced(client);
    return Y.encodeStateAsUpdate(client.doc);
  } finally {
    client.destroy();
  }
}

/** Sends one frame on a fresh connection; the close code, or 0 if still open after 5 s. */
async function closeCodeFor(frame: Uint8Array | string): Promise<number> {
  const raw = await openRaw(`${server.wsUrl}/${boardId}`, authProtocols(token));
  if (raw.refused) throw new Error(`refused ${raw.status}`);
  const done = closed(raw.ws);
  raw.ws.send(frame);
  const code = await Promise.race([
    done.then((c) => c.code),
    new Promise<number>((r) => setTimeout(() => r(0), 5000)),
  ]);
  if (code === 0) raw.ws.terminate();
  return code;
}

describe("malformed frames", () => {
  it(
    "closes every malformed frame's connection, stays up, keeps the room, never stalls",
    async () => {
      const rnd = createRandom(reliabilitySeed("malformed-frames"));
      const frames = malformedFrames(rnd);
      const before = await roomState();
      const watch = await watchEventLoop(server.url);
      const notClosed: string[] = [];
      const codes = new Map<number, number>();
      // Eight at a time: enough concurrency to load the decoder, few enough to stay in order.
      for (let i = 0; i < frames.length; i += 8) {
        const batch = frames.slice(i, i + 8);
        const results = await Promise.all(batch.map(([, f]) => closeCodeFor(f)));
        for (const [j, code] of results.entries()) {
          codes.set(code, (codes.get(code) ?? 0) + 1);
          if (code !== 1002)
            notClosed.push(`${batch[j]![0]}: [${batch[j]![1].join(",")}] -> ${code}`);
        }
      }
      const textCode = await closeCodeFor("hello");
      const stallMs = await watch.stop();
      const alive =
        (await fetch(`${server.url}/healthz`)).status === 200 && server.proc.exitCode === null;
      const after = await roomState();
      const unchanged = Buffer.compare(Buffer.from(before), Buffer.from(after)) === 0;

      const sent = frames.length + 1;
      const closedCount = frames.length - notClosed.length + (textCode === 1003 ? 1 : 0);
      figure("malformed_frames_sent", sent);
      figure("malformed_frames_closed", closedCount);
      figure("malformed_frames_closed_pct", (100 * closedCount) / sent);
      figure("malformed_close_codes", [...codes].map(([c, n]) => `${c}x${n}`).join(" "));
      figure("malformed_server_alive", alive ? 1 : 0);
      figure("malformed_room_changed", unchanged ? 0 : 1);
      figure("malformed_event_loop_max_stall_ms", Math.round(stallMs));
      expect(notClosed).toEqual([]);
      expect(textCode).toBe(1003);
      expect(alive).toBe(true);
      expect(unchanged).toBe(true);
      expect(stallMs).toBeLessThan(100);
    },
    scaled(120_000, 900_000),
  );
});
