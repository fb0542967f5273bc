import type { IncomingMessage } from "node:http";

/** The path of a raw request, without its query (which no route reads). */
export function requestPath(req: IncomingMessage): string {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  return q === -1 ? url : url.slice(0, q);
}

/**
 * Sync handshakes refused because the session's budget in that room is spent, remembered
 * until the budget could admit them. A flooder that reconnects at once, hundreds of times a
 * second, is then answered with the same 429 without checking the token's signature again or
 * writing a log line per attempt (docs/reliability.md has what a reconnect storm costs).
 *
 * Only a request with exactly the same path, subprotocols (so the same token), Origin and
 * Host is answered from memory, and only until the moment its budget would have enough
 * again; anything the budget's owner spends meanwhile only makes the real wait longer. So the
 * memo never refuses a handshake the route would admit.
 */
export class RefusalMemo {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly max = 10_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** What a handshake's verdict depends on, besides the time. */
  static keyOf(req: IncomingMessage): string {
    const { origin, host } = req.headers;
    const protocols = req.headers["sec-websocket-protocol"];
    return [requestPath(req), protocols ?? "", origin ?? "", host ?? ""].join("\n");
  }

  /** Refuse handshakes with `key` for the next `ms` milliseconds. */
  remember(key: string, ms: number): void {
    if (!(ms > 0)) return;
    const now = this.now();
    if (this.until.size >= this.max) {
      for (const [k, t] of this.until) if (t <= now) this.until.delete(k);
      // Still full of live entries: forget the oldest; it then only takes the longer path.
      const oldest = this.until.keys().next();
      if (this.until.size >= this.max && !oldest.done) this.until.delete(oldest.value);
    }
    this.until.set(key, now + ms);
  }

  /** Milliseconds a handshake with `key` is still sure to be refused; 0 when it is not. */
  msLeft(key: string): number {
    const t = this.until.get(key);
    if (t === undefined) return 0;
    const left = t - this.now();
    if (left > 0) return left;
    this.until.delete(key);
    return 0;
  }
}
