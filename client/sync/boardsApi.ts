import {
  type BoardAccess,
  BoardAccessSchema,
  type CreatedBoard,
  CreatedBoardSchema,
  type JoinedSession,
  JoinedSessionSchema,
} from "./apiSchemas";
import { requestJson } from "./requestJson";

const boardPath = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;

/** Create a board; the answer holds its three capability keys and links. */
export function createBoard(input: {
  title: string;
  incidentStart?: string;
  timezone?: string;
}): Promise<CreatedBoard> {
  return requestJson("/api/boards", CreatedBoardSchema, { method: "POST", body: input });
}

/** Trade a capability key and a display name for a session token on a board. */
export function createSession(
  boardId: string,
  input: { key: string; name: string; resumeToken?: string },
): Promise<JoinedSession> {
  return requestJson(`${boardPath(boardId)}/sessions`, JoinedSessionSchema, {
    method: "POST",
    body: input,
  });
}

/** Check a stored session token; fails with kind "unauthorized" once it has expired. */
export function fetchBoard(boardId: string, token: string): Promise<BoardAccess> {
  return requestJson(boardPath(boardId), BoardAccessSchema, { token });
}
