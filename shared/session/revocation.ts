/**
 * Why the server ends a session whose link a facilitator replaced: the reason of the sync
 * connection's close (4401) and the message of the API's 401. The client tells it apart from
 * an expired session, because rejoining with the old link cannot work.
 */
export const LINK_REPLACED = "session revoked: its link was replaced";

/** How a session ended: it ran out, or its link was replaced. */
export type SessionEnd = "expired" | "link-replaced";

/** How a session ended, from the reason the server gave for refusing or closing it. */
export function sessionEndFor(reason: string): SessionEnd {
  return reason === LINK_REPLACED ? "link-replaced" : "expired";
}
