import type { IncomingMessage } from "node:http";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/**
 * The address per-address limits count against: the TCP peer, or with `trustProxy` the last
 * X-Forwarded-For entry (the address the proxy in front of us saw; earlier entries are
 * whatever the client claimed).
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  const forwarded = trustProxy ? lastForwarded(c.req.header("x-forwarded-for")) : undefined;
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}

/** `clientAddress` for a raw request (a WebSocket upgrade, which never reaches Hono). */
export function requestAddress(req: IncomingMessage, trustProxy: boolean): string {
  const header = req.headers["x-forwarded-for"];
  const forwarded = trustProxy
    ? lastForwarded(Array.isArray(header) ? header.join(",") : header)
    : undefined;
  return forwarded ?? req.socket.remoteAddress ?? "unknown";
}

function lastForwarded(header: string | undefined): string | undefined {
  return header?.split(",").at(-1)?.trim() || undefined;
}
