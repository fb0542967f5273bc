import type { Peer, PresenceUser } from "./presenceState";

/** One person in the room, however many tabs they have open. */
export type PersonHere = Pick<PresenceUser, "participantId" | "name" | "color" | "role"> & {
  /** Facilitator by key, or granted the role. */
  facilitator: boolean;
  ready: boolean;
  isMe: boolean;
};

/**
 * Everyone present, one entry per participant id (two tabs are one person; ready in either
 * counts), facilitators first, then by name, so the row does not reshuffle as people move.
 */
export function peopleHere(
  peers: readonly Peer[],
  grantedFacilitators: readonly string[],
  myParticipantId: string,
): PersonHere[] {
  const byId = new Map<string, PersonHere>();
  for (const peer of peers) {
    const { participantId, name, color, role } = peer.user;
    const known = byId.get(participantId);
    if (known) {
      known.ready ||= peer.ready;
      continue;
    }
    byId.set(participantId, {
      participantId,
      name,
      color,
      role,
      facilitator: role === "facilitator" || grantedFacilitators.includes(participantId),
      ready: peer.ready,
      isMe: participantId === myParticipantId,
    });
  }
  return [...byId.values()].sort(
    (a, b) =>
      Number(b.facilitator) - Number(a.facilitator) ||
      a.name.localeCompare(b.name) ||
      a.participantId.localeCompare(b.participantId),
  );
}

/** Who counts for "3 of 5 ready": participants present (facilitators and observers do not). */
export function readyCount(people: readonly PersonHere[]): { ready: number; of: number } {
  const writers = people.filter((person) => person.role === "participant");
  return { ready: writers.filter((person) => person.ready).length, of: writers.length };
}
