import type { Duplex } from "node:stream";

/**
 * 429 answers to sync handshakes, held until the session's budget could admit it again (at
 * most `maxHoldMs`). A client that reconnects the moment it is refused, as a flooder does,
 * then makes one attempt per wait instead of hundreds a second: each attempt costs the server
 * an accepted connection and a parsed request, so a storm of them took ~10 % of a core
 * (docs/reliability.md). The stock provider backs off between attempts anyway, so an honest
 * client only sees its refusal arrive when retrying can work. Past `maxHeld` sockets the
 * answer goes at once: holding is a saving, not a queue an attacker could fill.
 */
export class HeldRefusals {
  private readonly held = new Map<Duplex, { timer: NodeJS.Timeout; answer: () => void }>();

  private readonly maxHeld: number;
  private readonly maxHoldMs: number;
  /** Told the number held whenever it changes (a gauge). */
  private readonly onSize: (held: number) => void;

  constructor(
    options: { maxHeld?: number; maxHoldMs?: number; onSize?: (held: number) => void } = {},
  ) {
    this.maxHeld = options.maxHeld ?? 1_000;
    this.maxHoldMs = options.maxHoldMs ?? 1_000;
    this.onSize = options.onSize ?? (() => {});
  }

  /** Calls `answer` after `ms` (capped), or at once when too many are held already. */
  hold(socket: Duplex, ms: number, answer: () => void): void {
    if (!(ms > 0) || this.held.size >= this.maxHeld || socket.destroyed) {
      answer();
      return;
    }
    const timer = setTimeout(
      () => {
        this.forget(socket);
        answer();
      },
      Math.min(ms, this.maxHoldMs),
    );
    this.held.set(socket, { timer, answer });
    this.onSize(this.held.size);
    // A client that gives up first frees its place; there is no one left to answer.
    socket.once("close", () => {
      clearTimeout(timer);
      this.forget(socket);
    });
  }

  /** Answers every held socket now (shutdown). */
  releaseAll(): void {
    const all = [...this.held.values()];
    this.held.clear();
    this.onSize(0);
    for (const { timer, answer } of all) {
      clearTimeout(timer);
      answer();
    }
  }

  private forget(socket: Duplex): void {
    if (this.held.delete(socket)) this.onSize(this.held.size);
  }
}
