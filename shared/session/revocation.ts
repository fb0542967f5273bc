import { CLOSE } from "./closeCodes";

/**
 * Why the server ends a session whose link a facilitator replaced: the reason of the sync
 * connection's close (4401) and the message of the API's 401. The client tells it apart from
 * an expired session, because rejoining with the old link cannot work.
 */
export const LINK_REPLACED = "session revoked: its link was replaced";

/**
 * How a board's live connection ended for good: the session ran out, its link was replaced,
 * the room (or the person's network) holds as many connections as the server takes, or the
 * server refused a change too large to take. Each needs a different word to the person.
 */
export type SessionEnd = "expired" | "link-replaced" | "room-full" | "change-refused";

/** How a session ended, from the reason the server gave for refusing it (API 401, or 4401). */
export function sessionEndFor(reason: string): SessionEnd {
  return reason === LINK_REPLACED ? "link-replaced" : "expired";
}

/**
 * How a session ended, from the final close (4400-4499, after which the stock provider stops)
 * of its sync connection.
 */
export function sessionEndForClose(code: number, reason: string): SessionEnd {
  if (code === CLOSE.tooManyConnections) return "room-full";
  // documentTooLarge and updateTooLarge share the code: either way a change was refused.
  if (code === CLOSE.updateTooLarge) return "change-refused";
  return sessionEndFor(reason);
}
