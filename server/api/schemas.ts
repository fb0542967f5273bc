import { z } from "zod";
import { createBoardInputSchema, LIMITS } from "../../shared/board";

/**
 * `POST /api/boards`: the board model's own input schema, so the API and the model cannot
 * disagree; the time zone defaults to UTC for callers that do not say.
 */
export const CreateBoardBody = z.preprocess(
  (body) =>
    typeof body === "object" && body !== null && !Array.isArray(body)
      ? { timezone: "UTC", ...body }
      : body,
  createBoardInputSchema,
);

export const CreateSessionBody = z.strictObject({
  key: z.string().min(1).max(200),
  name: z.string().trim().min(1, "must not be empty").max(LIMITS.nameLength),
  resumeToken: z.string().max(2000).optional(),
});

/** `title: must not be empty; timezone: must be an IANA time zone …` */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
}
