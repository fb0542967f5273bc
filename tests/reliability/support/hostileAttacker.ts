/**
 * A hostile client in its own process (so its work does not slow the test's own clients):
 * sends every attack of `hostileAttacks()` on a fresh socket, in a loop, until killed. Prints
 * one JSON line per attack: how the server ended the socket and how long that took after the
 * last frame was sent, or the status of a refused upgrade (the attacker then waits a little and
 * tries the same attack again).
 * Usage: node --import tsx hostileAttacker.ts <roomUrl> <token>
 */
import { createInterface } from "node:readline";
import { hostileAttacks } from "./hostileFrames";
import { sendOnFreshSocket } from "./sendFrame";

const [roomUrl, token] = process.argv.slice(2) as [string, string];
const attacks = hostileAttacks();

// "pause" and "resume" lines on stdin hold the loop between attacks, so one in flight still
// reports its true close time.
let paused: Promise<void> | undefined;
let resume = () => {};
createInterface({ input: process.stdin }).on("line", (line) => {
  if (line === "pause" && !paused) paused = new Promise((r) => (resume = r));
  if (line === "resume" && paused) {
    paused = undefined;
    resume();
  }
});

for (;;) {
  for (const { name, frames } of attacks) {
    // A refused upgrade is tried again (100 ms apart) until this attack gets in, so each
    // one is sent however long the server makes this session wait.
    for (;;) {
      await paused;
      try {
        const { code, closeMs } = await sendOnFreshSocket(roomUrl, token, frames(), 10_000);
        process.stdout.write(`${JSON.stringify({ name, code, closeMs })}\n`);
        break;
      } catch (error) {
        process.stdout.write(`${JSON.stringify({ name, refused: String(error) })}\n`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }
}
