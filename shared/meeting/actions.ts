import { z } from "zod";
import { scriptIdSchema } from "./script";

/** Action names the meeting endpoint accepts; "reveal" is carried out by the server itself. */
export const MEETING_ACTIONS = [
  "start",
  "pause",
  "resume",
  "next",
  "previous",
  "goto",
  "extend",
  "end",
  "reveal",
] as const;
export type MeetingActionName = (typeof MEETING_ACTIONS)[number];

/** A timer action `applyMeetingAction` carries out. */
export type MeetingAction =
  | { type: "start" }
  | { type: "pause" }
  | { type: "resume" }
  | { type: "next" }
  | { type: "previous" }
  | { type: "goto"; phaseId: string }
  | { type: "extend"; ms: number }
  | { type: "end" };

/** Anything the meeting endpoint accepts: a timer action, or a reveal of the private drafts. */
export type MeetingRequest = MeetingAction | { type: "reveal" };

// One extension is at least a second (less is a slip of the finger) and at most two hours (more
// is a different meeting, better planned than extended).
export const EXTEND_LIMITS = {
  minMs: 1_000,
  maxMs: 2 * 60 * 60_000,
  // Repeated extensions stop at 12 hours so stored times stay sane however often someone clicks.
  maxPhaseMs: 12 * 60 * 60_000,
} as const;

export const EXTEND_MS_MESSAGE = `must be an integer from ${EXTEND_LIMITS.minMs} (1 s) to ${EXTEND_LIMITS.maxMs} (2 h)`;

/** True when `ms` is a valid single extension. */
export function isValidExtendMs(ms: unknown): ms is number {
  return (
    typeof ms === "number" &&
    Number.isInteger(ms) &&
    ms >= EXTEND_LIMITS.minMs &&
    ms <= EXTEND_LIMITS.maxMs
  );
}

/**
 * Validates the HTTP body `{ action, phaseId?, ms? }` into a `MeetingRequest`: `goto` needs
 * `phaseId`, `extend` needs `ms`, and no other action may carry either.
 */
export const actionSchema: z.ZodType<MeetingRequest> = z
  .strictObject({
    action: z.enum(MEETING_ACTIONS),
    phaseId: scriptIdSchema.optional(),
    ms: z.custom<number>(isValidExtendMs, { error: EXTEND_MS_MESSAGE }).optional(),
  })
  .superRefine((body, ctx) => {
    const needs = { phaseId: body.action === "goto", ms: body.action === "extend" };
    for (const field of ["phaseId", "ms"] as const) {
      if (needs[field] && body[field] === undefined) {
        ctx.addIssue({ code: "custom", path: [field], message: `is required for ${body.action}` });
      } else if (!needs[field] && body[field] !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: [field],
          message: `is not allowed for ${body.action}`,
        });
      }
    }
  })
  .transform((body): MeetingRequest => {
    if (body.action === "goto") return { type: "goto", phaseId: body.phaseId ?? "" };
    if (body.action === "extend") return { type: "extend", ms: body.ms ?? 0 };
    return { type: body.action };
  });
