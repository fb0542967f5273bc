import { z } from "zod";
import { MEETING_STATUSES } from "../../shared/meeting";
import type { Session } from "./createJoinFlow";
import { boardPath, requestJson } from "./requestJson";

/** A body `POST /api/boards/:id/meeting` accepts: `goto` names a phase, `extend` a duration. */
export type MeetingActionBody =
  | { action: "start" | "pause" | "resume" | "next" | "previous" | "reveal" | "end" }
  | { action: "goto"; phaseId: string }
  | { action: "extend"; ms: number };

// The server answers with the whole meeting; the UI reads the meeting from its synced document,
// so only what confirms the outcome is checked here. Unknown fields pass: the server may grow.
const MeetingReplySchema = z.object({
  status: z.enum(MEETING_STATUSES),
  phaseIndex: z.number().int().nonnegative(),
  facilitators: z.array(z.string()),
  serverNow: z.number(),
});
export type MeetingReply = z.infer<typeof MeetingReplySchema>;

type Caller = Pick<Session, "boardId" | "token">;

/** Steer the meeting (facilitators only); throws ApiError with the server's reason if refused. */
export function meetingAction(session: Caller, body: MeetingActionBody): Promise<MeetingReply> {
  return requestJson(`${boardPath(session.boardId)}/meeting`, MeetingReplySchema, {
    method: "POST",
    body,
    token: session.token,
  });
}

/** Give a participant on this board the facilitator role too (facilitators only). */
export function grantFacilitator(session: Caller, participantId: string): Promise<MeetingReply> {
  return requestJson(`${boardPath(session.boardId)}/facilitators`, MeetingReplySchema, {
    method: "POST",
    body: { participantId },
    token: session.token,
  });
}

/** Take back a participant's granted facilitator role (facilitators only). */
export function revokeFacilitator(session: Caller, participantId: string): Promise<MeetingReply> {
  return requestJson(
    `${boardPath(session.boardId)}/facilitators/${encodeURIComponent(participantId)}`,
    MeetingReplySchema,
    { method: "DELETE", token: session.token },
  );
}
