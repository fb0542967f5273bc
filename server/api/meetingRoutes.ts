import type { Hono } from "hono";
import { z } from "zod";
import { readLanes } from "../../shared/board";
import {
  actionSchema,
  listScripts,
  MeetingActionError,
  type MeetingSnapshot,
} from "../../shared/meeting";
import type { TokenSigner } from "../auth/tokens";
import type { MeetingService } from "../meeting/meetingService";
import type { RoomManager } from "../sync/roomManager";
import { HttpError, readBody } from "./http";
import { requireBoardSession } from "./session";

type MeetingRouteDeps = { meetings: MeetingService; rooms: RoomManager; tokens: TokenSigner };

const ParticipantId = z.string().min(1).max(64);
const GrantBody = z.strictObject({ participantId: ParticipantId });

/**
 * The meeting as the API returns it: the timer state at the top level (as the meeting document
 * stores it), the feed, history, grants and draft counts, and the server's clock.
 */
function meetingJson(snapshot: MeetingSnapshot) {
  const { state, ...rest } = snapshot;
  return { ...state, ...rest, serverNow: Date.now() };
}

/** Meeting control for facilitators, the server clock for everyone, and the script list. */
export function mountMeetingRoutes(app: Hono, deps: MeetingRouteDeps): void {
  const requireFacilitator = async (session: {
    role: string;
    boardId: string;
    participantId: string;
  }) => {
    if (session.role === "facilitator") return;
    if (await deps.meetings.isGrantedFacilitator(session.boardId, session.participantId)) return;
    throw new HttpError(403, "only a facilitator can do this");
  };

  // Clients estimate their offset from the server clock with this, then show the countdown
  // from the stored meeting times; nothing ticks over the wire.
  app.get("/api/time", (c) => {
    c.header("cache-control", "no-store");
    return c.json({ now: Date.now() });
  });

  app.get("/api/scripts", (c) => c.json({ scripts: listScripts() }));

  app.get("/api/boards/:id/meeting", async (c) => {
    const session = requireBoardSession(c, deps.tokens);
    return c.json(meetingJson(await deps.meetings.snapshot(session.boardId)));
  });

  app.post("/api/boards/:id/meeting", async (c) => {
    const session = requireBoardSession(c, deps.tokens);
    await requireFacilitator(session);
    const request = await readBody(c, actionSchema);
    try {
      return c.json(meetingJson(await deps.meetings.command(session.boardId, request)));
    } catch (error) {
      if (error instanceof MeetingActionError) {
        throw new HttpError(
          error.code === "invalid-input" ? 400 : error.code === "not-found" ? 404 : 409,
          error.message,
        );
      }
      throw error;
    }
  });

  // Hand-over: the role is granted explicitly and never moves on its own, e.g. when a
  // facilitator's connection drops.
  app.post("/api/boards/:id/facilitators", async (c) => {
    const session = requireBoardSession(c, deps.tokens);
    await requireFacilitator(session);
    const { participantId } = await readBody(c, GrantBody);
    const board = await deps.rooms.open(session.boardId);
    try {
      if (!readLanes(board.doc).some((lane) => lane.participantId === participantId)) {
        throw new HttpError(404, "no participant with that id on this board");
      }
    } finally {
      deps.rooms.release(board);
    }
    return c.json(
      meetingJson(await deps.meetings.grantFacilitator(session.boardId, participantId)),
    );
  });

  // Taking a grant back, e.g. after handing the meeting to the wrong person. Idempotent, like
  // the grant: a participant without one is already where the caller wants them.
  app.delete("/api/boards/:id/facilitators/:participantId", async (c) => {
    const session = requireBoardSession(c, deps.tokens);
    await requireFacilitator(session);
    const parsed = ParticipantId.safeParse(c.req.param("participantId"));
    if (!parsed.success) throw new HttpError(400, "participantId: 1–64 characters");
    return c.json(meetingJson(await deps.meetings.revokeFacilitator(session.boardId, parsed.data)));
  });
}
