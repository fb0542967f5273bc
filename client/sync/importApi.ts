import { z } from "zod";
import type { Session } from "./createJoinFlow";
import { boardPath, requestJson } from "./requestJson";

const ImportAnswerSchema = z.object({
  imported: z.number(),
  skipped: z.number(),
  format: z.string(),
});

export type ImportAnswer = z.infer<typeof ImportAnswerSchema>;

/**
 * Sends a timeline (CSV, Slack export or log lines) to the board. The server validates every
 * row first and applies all or nothing; a refusal throws ApiError with its line-numbered reason.
 */
export function importTimeline(
  session: Session,
  input: { content: string; format: "auto" | "csv" | "slack" | "log"; source?: string },
): Promise<ImportAnswer> {
  return requestJson(`${boardPath(session.boardId)}/timeline/import`, ImportAnswerSchema, {
    method: "POST",
    body: input,
    token: session.token,
  });
}
