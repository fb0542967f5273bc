import type { Session } from "../auth/tokens";
import type { AwarenessEntry } from "./wire";

/**
 * Stamps the session's identity onto awareness states: whatever name, participant id or role a
 * client claims, peers see the ones its signed session carries. A presence list must not let
 * anyone appear as someone else. Null states (a client leaving) pass unchanged.
 */
export function stampIdentity(entries: AwarenessEntry[], session: Session): AwarenessEntry[] {
  return entries.map((entry) => {
    const state = JSON.parse(entry.state) as Record<string, unknown> | null;
    if (state === null) return entry;
    const claimed = typeof state.user === "object" && state.user !== null ? state.user : {};
    state.user = {
      ...claimed,
      name: session.name,
      participantId: session.participantId,
      role: session.role,
    };
    return { ...entry, state: JSON.stringify(state) };
  });
}
