/**
 * A hostile client in its own process (so its sending does not slow the test's own clients):
 * floods one room with small real updates at a given rate, reconnecting at once whenever it is
 * closed or refused, until killed. Prints one JSON line per connection end on stdout.
 * Usage: node --import tsx flooder.ts <roomUrl> <token> <framesPerSecond>
 */
import { WebSocket } from "ws";
import * as Y from "yjs";
import { updateFrame } from "./frames";

const [roomUrl, token, rate] = process.argv.slice(2);
const perTick = Math.max(1, Math.round(Number(rate) / 100));
const doc = new Y.Doc();
const frames: Uint8Array[] = [];
doc.on("update", (u: Uint8Array) => frames.push(updateFrame(u)));
for (let i = 0; i < 20_000; i++) doc.getMap("flood").set("k", i);
let next = 0;

function connect(): void {
  const ws = new WebSocket(roomUrl!, ["debrief.v1", `auth.${token}`]);
  let sent = 0;
  let tick: NodeJS.Timeout | undefined;
  ws.on("error", () => {});
  let refused = false;
  ws.on("unexpected-response", (_req, res) => {
    refused = true;
    process.stdout.write(`${JSON.stringify({ refused: res.statusCode })}\n`);
    ws.terminate(); // "close" follows, and reconnects
  });
  ws.on("open", () => {
    process.stdout.write(`${JSON.stringify({ open: true })}\n`);
    tick = setInterval(() => {
      for (let i = 0; i < perTick && ws.readyState === ws.OPEN; i++) {
        ws.send(frames[next++ % frames.length]!);
        sent++;
      }
    }, 10);
  });
  ws.on("close", (code) => {
    clearInterval(tick);
    if (!refused) process.stdout.write(`${JSON.stringify({ code, sent })}\n`);
    setImmediate(connect);
  });
}
connect();
