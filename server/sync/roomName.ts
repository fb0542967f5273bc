import type { Role } from "../storage/storage";

/** Board and participant ids are base64url; the length bound keeps room names short. */
const ID = "[A-Za-z0-9_-]{8,64}";
const ROOM = new RegExp(`^(${ID})(?:/(meeting)|/drafts/(${ID}))?$`);

export type RoomName =
  | { kind: "board"; boardId: string; name: string }
  | { kind: "meeting"; boardId: string; name: string }
  | { kind: "drafts"; boardId: string; participantId: string; name: string };

export function parseRoomName(name: string): RoomName | undefined {
  const m = ROOM.exec(name);
  if (!m?.[1]) return undefined;
  if (m[2]) return { kind: "meeting", boardId: m[1], name };
  if (m[3]) return { kind: "drafts", boardId: m[1], participantId: m[3], name };
  return { kind: "board", boardId: m[1], name };
}

export type Access = "none" | "read" | "write";

/**
 * Who may do what, per room kind. The meeting document is written only by the server, and
 * drafts only by the participant they belong to — not even the facilitator reads them before
 * the reveal, because writing alone is the point of that phase.
 */
export function accessFor(
  room: RoomName,
  session: { boardId: string; role: Role; participantId: string },
): Access {
  if (session.boardId !== room.boardId) return "none";
  switch (room.kind) {
    case "board":
      return session.role === "observer" ? "read" : "write";
    case "meeting":
      return "read";
    case "drafts":
      return session.role === "participant" && session.participantId === room.participantId
        ? "write"
        : "none";
  }
}
