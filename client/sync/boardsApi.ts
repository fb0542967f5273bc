import { z } from "zod";
import {
  type BoardAccess,
  BoardAccessSchema,
  type CreatedBoard,
  CreatedBoardSchema,
  type JoinedSession,
  JoinedSessionSchema,
} from "./apiSchemas";
import { boardPath, requestJson } from "./requestJson";

// One line of the script picker, as GET /api/scripts describes it (untrusted until parsed).
const ScriptSummarySchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  totalMs: z.number().nonnegative(),
  phases: z.array(z.object({ id: z.string(), title: z.string(), durationMs: z.number() })),
});
export type ScriptChoice = z.infer<typeof ScriptSummarySchema>;
const ScriptListSchema = z.object({ scripts: z.array(ScriptSummarySchema) });

/** The meeting scripts the server ships, in picker order (the default first). */
export async function listScripts(): Promise<ScriptChoice[]> {
  return (await requestJson("/api/scripts", ScriptListSchema)).scripts;
}

/** Create a board; the answer holds its three capability keys and links. */
export function createBoard(input: {
  title: string;
  incidentStart?: string;
  timezone?: string;
  /** Id of a shipped script; the server picks its default when absent. */
  script?: string;
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
