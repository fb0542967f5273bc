import { z } from "zod";
import { CARD_KINDS, IMPROVEMENT_STATUSES, LANE_KINDS } from "../board";
import { MEETING_STATUSES } from "../meeting";
import { type Block, INLINE_MARKS, type Inline, type Report } from "./reportTypes";

// The JSON export's contract, for consumers and for tests: `reportSchema.parse(renderJson(…))`
// must succeed for every board. Typed against the model, so the two cannot drift apart.

const instantSchema = z.strictObject({
  at: z.number().int(),
  iso: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  time: z.string().regex(/^\d{2}:\d{2}$/),
  offset: z.string().regex(/^[+-]\d{2}:\d{2}$/),
});

const safeHref = z
  .string()
  .refine((href) => /^(?:https?:|mailto:)/i.test(href), "must be http:, https: or mailto:");

const inlineSchema: z.ZodType<Inline> = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("text"),
    text: z.string(),
    marks: z.array(z.enum(INLINE_MARKS)),
    href: safeHref.optional(),
  }),
  z.strictObject({ type: z.literal("break") }),
]);

const blockSchema: z.ZodType<Block> = z.lazy(() =>
  z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("paragraph"), content: z.array(inlineSchema) }),
    z.strictObject({
      type: z.literal("heading"),
      level: z.number().int().min(1).max(6),
      content: z.array(inlineSchema),
    }),
    z.strictObject({
      type: z.literal("list"),
      ordered: z.boolean(),
      start: z.number().int(),
      items: z.array(z.array(blockSchema)),
    }),
    z.strictObject({ type: z.literal("quote"), content: z.array(blockSchema) }),
    z.strictObject({ type: z.literal("code"), text: z.string() }),
    z.strictObject({ type: z.literal("rule") }),
  ]),
);

const cardSchema = z.strictObject({
  id: z.string(),
  time: instantSchema,
  kind: z.enum(CARD_KINDS),
  lane: z.strictObject({ id: z.string(), kind: z.enum(LANE_KINDS), name: z.string() }),
  text: z.string(),
  blocks: z.array(blockSchema),
  source: z.string().nullable(),
  votes: z.number().int().nonnegative(),
  newTo: z.strictObject({ count: z.number().int().nonnegative(), names: z.array(z.string()) }),
  links: z.array(z.string()),
  helped: z.boolean(),
});

const findingSourceSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("card"), cardId: z.string() }),
  z.strictObject({ type: z.literal("notes") }),
  z.strictObject({ type: z.literal("improvement"), improvementId: z.string() }),
]);

/** The schema of the report model and of the JSON export (version 1). */
export const reportSchema: z.ZodType<Report> = z.strictObject({
  version: z.literal(1),
  generatedAt: instantSchema,
  title: z.string(),
  timezone: z.string(),
  incident: z.strictObject({
    start: instantSchema.nullable(),
    end: instantSchema.nullable(),
    durationMs: z.number().int().nonnegative().nullable(),
    firstCard: instantSchema.nullable(),
    lastCard: instantSchema.nullable(),
  }),
  participants: z.array(
    z.strictObject({
      participantId: z.string(),
      laneId: z.string(),
      name: z.string(),
      color: z.string().regex(/^#[0-9a-f]{6}$/),
      facilitator: z.boolean(),
      cardCount: z.number().int().nonnegative(),
    }),
  ),
  summary: z.strictObject({ text: z.string(), blocks: z.array(blockSchema) }),
  cards: z.array(cardSchema),
  offsets: z.array(z.string()),
  timeline: z.array(
    z.strictObject({
      minute: instantSchema,
      dateChanged: z.boolean(),
      offsetChanged: z.boolean(),
      factIds: z.array(z.string()),
      perspectiveIds: z.array(z.string()),
    }),
  ),
  perspectives: z.array(
    z.strictObject({
      participantId: z.string(),
      laneId: z.string(),
      name: z.string(),
      cardIds: z.array(z.string()),
    }),
  ),
  factorIds: z.array(z.string()),
  helpedIds: z.array(z.string()),
  improvements: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      owner: z.string(),
      due: z.string().nullable(),
      status: z.enum(IMPROVEMENT_STATUSES),
      cardIds: z.array(z.string()),
    }),
  ),
  newToSomeoneIds: z.array(z.string()),
  meeting: z
    .strictObject({
      scriptId: z.string(),
      status: z.enum(MEETING_STATUSES),
      runs: z.array(
        z.strictObject({
          phaseId: z.string(),
          title: z.string(),
          plannedMs: z.number(),
          actualMs: z.number().nullable(),
          startedAt: instantSchema,
          endedAt: instantSchema.nullable(),
        }),
      ),
      skipped: z.array(
        z.strictObject({ phaseId: z.string(), title: z.string(), plannedMs: z.number() }),
      ),
      plannedMs: z.number(),
      actualMs: z.number(),
    })
    .nullable(),
  languageReview: z
    .strictObject({
      count: z.number().int().nonnegative(),
      phrases: z.array(
        z.strictObject({
          phrase: z.string(),
          category: z.string(),
          suggestion: z.string(),
          count: z.number().int().positive(),
        }),
      ),
      findings: z.array(
        z.strictObject({
          source: findingSourceSchema,
          phrase: z.string(),
          category: z.string(),
          suggestion: z.string(),
          start: z.number().int().nonnegative(),
          end: z.number().int().nonnegative(),
          excerpt: z.string(),
        }),
      ),
    })
    .nullable(),
});
