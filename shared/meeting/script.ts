import { z } from "zod";
import { CARD_KINDS, type CardKind } from "../board";
import { ScriptError, toProblems } from "./errors";

/** Named moments in a phase a prompt can be scheduled at, besides a plain millisecond offset. */
export const PROMPT_MOMENTS = ["start", "half", "last-2min", "end"] as const;
export type PromptMoment = (typeof PROMPT_MOMENTS)[number];

/** When a prompt falls due: a named moment, or milliseconds into the phase (0 … durationMs). */
export type PromptAt = PromptMoment | number;

export interface ScriptPrompt {
  at: PromptAt;
  text: string;
}

export interface Phase {
  id: string;
  title: string;
  goal: string;
  /** Planned duration in ms, 1 min … 4 h. */
  durationMs: number;
  /** Participants write alone into their drafts room during this phase. */
  private?: boolean;
  /** The facilitator reveals the drafts into the board at the end; only valid with `private`. */
  reveal?: boolean;
  /** Dot voting on cards is open during this phase (e.g. to weigh contributing factors). */
  voting?: boolean;
  prompts: ScriptPrompt[];
}

export interface Script {
  id: string;
  name: string;
  phases: Phase[];
  /** Questions for the facilitator to ask when a card of that kind is discussed. */
  cardPrompts: Partial<Record<CardKind, string[]>>;
}

// Each limit is far above what a real debrief needs and exists to keep a hostile or careless
// script from bloating the meeting document every client loads.
export const SCRIPT_LIMITS = {
  idLength: 64,
  nameLength: 80,
  titleLength: 80,
  goalLength: 300,
  textLength: 500,
  // Beyond 30 phases a meeting is several meetings.
  maxPhases: 30,
  // Under a minute there is no time to talk, and "last-2min" would collapse onto "start".
  minPhaseMs: 60_000,
  // Nobody holds one post-mortem phase for longer than an afternoon.
  maxPhaseMs: 4 * 60 * 60_000,
  // More than one prompt every few minutes drowns the conversation it is meant to steer.
  promptsPerPhase: 20,
  promptsPerCardKind: 10,
} as const;

const PROMPT_AT_MESSAGE =
  'must be "start", "half", "last-2min", "end" or milliseconds within the phase';

function isPromptAt(value: unknown): value is PromptAt {
  if (typeof value === "number") return Number.isSafeInteger(value) && value >= 0;
  return (PROMPT_MOMENTS as readonly unknown[]).includes(value);
}

/** Script and phase ids: URL- and key-safe, like every id in Debrief. */
export const scriptIdSchema = z
  .string()
  .regex(
    new RegExp(`^[A-Za-z0-9_-]{1,${SCRIPT_LIMITS.idLength}}$`),
    `must be 1-${SCRIPT_LIMITS.idLength} characters of A-Z a-z 0-9 _ -`,
  );

function textSchema(max: number) {
  return z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`);
}

const promptTextSchema = textSchema(SCRIPT_LIMITS.textLength);

const promptSchema = z.strictObject({
  at: z.custom<PromptAt>(isPromptAt, { error: PROMPT_AT_MESSAGE }),
  text: promptTextSchema,
});

const durationSchema = z
  .number()
  .int("must be an integer")
  .min(SCRIPT_LIMITS.minPhaseMs, "must be at least 1 minute (60000 ms)")
  .max(SCRIPT_LIMITS.maxPhaseMs, "must be at most 4 hours (14400000 ms)");

/** Validates one phase (ids unique across a script are checked by `scriptSchema`). */
export const phaseSchema: z.ZodType<Phase> = z
  .strictObject({
    id: scriptIdSchema,
    title: textSchema(SCRIPT_LIMITS.titleLength),
    goal: textSchema(SCRIPT_LIMITS.goalLength),
    durationMs: durationSchema,
    private: z.boolean().optional(),
    reveal: z.boolean().optional(),
    voting: z.boolean().optional(),
    prompts: z
      .array(promptSchema)
      .max(SCRIPT_LIMITS.promptsPerPhase, `must hold at most ${SCRIPT_LIMITS.promptsPerPhase}`),
  })
  .superRefine((phase, ctx) => {
    // Reveal moves private drafts into the board; on a shared phase there are none, so the flag
    // is a mistake that would silently do nothing. Refusing it surfaces the mistake.
    if (phase.reveal && !phase.private) {
      ctx.addIssue({
        code: "custom",
        path: ["reveal"],
        message: "only a private phase can be revealed (set private: true)",
      });
    }
    phase.prompts.forEach((prompt, index) => {
      if (typeof prompt.at === "number" && prompt.at > phase.durationMs) {
        ctx.addIssue({
          code: "custom",
          path: ["prompts", index, "at"],
          message: PROMPT_AT_MESSAGE,
        });
      }
    });
  });

/** Validates the card-kind prompts; unknown card kinds are refused. */
export const cardPromptsSchema: z.ZodType<Partial<Record<CardKind, string[]>>> = z.partialRecord(
  z.enum(CARD_KINDS),
  z
    .array(promptTextSchema)
    .max(SCRIPT_LIMITS.promptsPerCardKind, `must hold at most ${SCRIPT_LIMITS.promptsPerCardKind}`),
);

/** Validates an untrusted script; embed it in request schemas. `cardPrompts` defaults to {}. */
export const scriptSchema: z.ZodType<Script> = z
  .strictObject({
    id: scriptIdSchema,
    name: textSchema(SCRIPT_LIMITS.nameLength),
    phases: z
      .array(phaseSchema)
      .min(1, "must hold at least 1 phase")
      .max(SCRIPT_LIMITS.maxPhases, `must hold at most ${SCRIPT_LIMITS.maxPhases} phases`),
    cardPrompts: cardPromptsSchema.default({}),
  })
  .superRefine((script, ctx) => {
    const seen = new Set<string>();
    script.phases.forEach((phase, index) => {
      if (seen.has(phase.id)) {
        ctx.addIssue({
          code: "custom",
          path: ["phases", index, "id"],
          message: `duplicate phase id "${phase.id}"`,
        });
      }
      seen.add(phase.id);
    });
  });

/** Returns the validated script or throws `ScriptError` naming each bad field's path. */
export function parseScript(input: unknown): Script {
  const result = scriptSchema.safeParse(input);
  if (!result.success) throw new ScriptError(toProblems(result.error.issues));
  return result.data;
}

/** Sum of the phases' planned durations, in ms. */
export function scriptTotalMs(script: Pick<Script, "phases">): number {
  return script.phases.reduce((sum, phase) => sum + phase.durationMs, 0);
}
