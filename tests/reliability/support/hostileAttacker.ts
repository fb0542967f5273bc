/**
 * A hostile client in its own process (so its work does not slow the test's own clients):
 * sends every attack of `hostileAttacks()` on a fresh socket, in a loop, until killed. Prints
 * one JSON line per attack: how the server ended the socket and how long that took after the
 * last frame was sent, or the status of a refused upgrade (the attacker then waits a little).
 * Usage: node --import tsx hostileAttacker.ts <roomUrl> <token>
 */
import { hostileAttacks } from "./hostileFrames";
import { sendOnFreshSocket } from "./sendFrame";

const [roomUrl, token] = process.argv.slice(2) as [string, string];
const attacks = hostileAttacks();

for (;;) {
  for (const { name, frames } of attacks) {
    try {
      const { code, closeMs } = await sendOnFreshSocket(roomUrl, token, frames, 10_000);
      process.stdout.write(`${JSON.stringify({ name, code, closeMs })}\n`);
    } catch (error) {
      process.stdout.write(`${JSON.stringify({ name, refused: String(error) })}\n`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
