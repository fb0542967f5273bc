import { z } from "zod";
import { createBoardInputSchema, LIMITS } from "../../shared/board";
import { DEFAULT_SCRIPT_ID, getScript, scriptIdSchema, scriptSchema } from "../../shared/meeting";

const shippedScriptId = scriptIdSchema.refine(
  (id) => getScript(id) !== undefined,
  "is not a known script id",
);

/**
 * A script by id (one of the shipped ones) or in full (a custom one, validated). Chosen by type
 * rather than as a union, so an error names the field inside the script that is wrong.
 */
const ScriptChoice = z.unknown().transform((value, ctx) => {
  const parsed = (typeof value === "string" ? shippedScriptId : scriptSchema).safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
  }
  return z.NEVER;
});

/**
 * `POST /api/boards`: the board model's own input schema, so the API and the model cannot
 * disagree, plus the meeting script. The time zone defaults to UTC, the script to the
 * 60-minute blameless debrief.
 */
export const CreateBoardBody = z
  .preprocess(
    (body) =>
      typeof body === "object" && body !== null && !Array.isArray(body)
        ? { timezone: "UTC", script: DEFAULT_SCRIPT_ID, ...body }
        : body,
    z.object({ script: ScriptChoice }).passthrough(),
  )
  .transform(({ script, ...board }, ctx) => {
    const parsed = createBoardInputSchema.safeParse(board);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: "custom" });
      return z.NEVER;
    }
    return {
      board: parsed.data,
      script: typeof script === "string" ? (getScript(script) ?? z.NEVER) : script,
    };
  });

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
