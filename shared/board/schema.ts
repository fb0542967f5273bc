import { z } from "zod";
import { ID_PATTERN, MAX_PARTICIPANT_ID_LENGTH } from "./ids";

/** Card kinds, in the order a palette or legend shows them. */
export const CARD_KINDS = [
  "event",
  "observation",
  "belief",
  "action",
  "question",
  "factor",
] as const;
export type CardKind = (typeof CARD_KINDS)[number];

export const LANE_KINDS = ["timeline", "participant"] as const;
export type LaneKind = (typeof LANE_KINDS)[number];

export const IMPROVEMENT_STATUSES = ["open", "in-progress", "done", "wont-do"] as const;
export type ImprovementStatus = (typeof IMPROVEMENT_STATUSES)[number];

// Limits keep one careless paste or hostile client from bloating a document every peer must load
// and every report must render; each is far above what a sticky note or a heading needs.
export const LIMITS = {
  titleLength: 200,
  nameLength: 80,
  cardTextLength: 10_000,
  cardIdsPerImprovement: 200,
  // Dot voting works with a handful of votes per person; the cap stops one voice drowning others.
  votesPerParticipant: 99,
  // Where an imported fact came from ("pagerduty", "slack: Ana Lima"): a label, not a document.
  sourceLength: 100,
} as const;

/** Plain snapshot of the `board` map. Absent incident times read as null. */
export interface BoardInfo {
  title: string;
  incidentStart: string | null;
  incidentEnd: string | null;
  timezone: string;
  createdAt: number;
}

export interface Lane {
  id: string;
  kind: LaneKind;
  name: string;
  color: string;
  /** Set on participant lanes only. */
  participantId: string | null;
  order: number;
}

export interface Card {
  id: string;
  laneId: string;
  /** Incident time, epoch ms UTC. */
  at: number;
  kind: CardKind;
  /** Plain text: one line per text block, joined with "\n". */
  text: string;
  authorId: string;
  createdAt: number;
  rank: string;
  votes: Record<string, number>;
  voteTotal: number;
  /** Participant ids, sorted. */
  newToMe: string[];
  /** Ids of existing cards this card relates to; dangling ids are dropped. */
  links: string[];
  /** Where an imported fact came from; absent on cards written on the board. */
  source?: string;
}

export interface Improvement {
  id: string;
  title: string;
  owner: string;
  /** ISO date "YYYY-MM-DD" or null. */
  due: string | null;
  status: ImprovementStatus;
  /** Ids of existing cards; dangling ids are dropped. */
  cardIds: string[];
  createdAt: number;
}

export interface BoardSnapshot {
  info: BoardInfo;
  lanes: Lane[];
  cards: Card[];
  improvements: Improvement[];
}

// ---- input schemas: everything below validates untrusted input from UI, imports and the API ----

/** True when `timeZone` is an IANA zone name this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  // Intl also accepts offsets like "+01:00" on newer engines; those are not IANA names and would
  // not survive daylight saving, so they are refused explicitly.
  if (/^[+-]/.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
    return true;
  } catch {
    return false;
  }
}

export const idSchema = z.string().regex(ID_PATTERN, "must be 1-128 characters of A-Z a-z 0-9 _ -");
const participantIdSchema = idSchema.max(MAX_PARTICIPANT_ID_LENGTH);
const titleSchema = z.string().trim().min(1, "must not be empty").max(LIMITS.titleLength);
const nameSchema = z.string().trim().min(1, "must not be empty").max(LIMITS.nameLength);
const epochMsSchema = z.number().int("must be an integer").nonnegative("must not be negative");
const isoWithOffsetSchema = z.iso.datetime({
  offset: true,
  error: 'must be ISO 8601 with offset, like "2026-11-02T14:05:00+01:00"',
});
export const timezoneSchema = z
  .string()
  .refine(isValidTimeZone, 'must be an IANA time zone name, like "Europe/Berlin"')
  // Intl matches zone names case-insensitively; store the canonical spelling.
  .transform(
    (zone) => new Intl.DateTimeFormat(undefined, { timeZone: zone }).resolvedOptions().timeZone,
  );
export const colorSchema = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a hex colour like "#3b82f6"')
  .transform((color) => color.toLowerCase());
export const cardKindSchema = z.enum(CARD_KINDS);
export const cardTextSchema = z.string().max(LIMITS.cardTextLength);
export const cardSourceSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(LIMITS.sourceLength);
const statusSchema = z.enum(IMPROVEMENT_STATUSES);
const dueSchema = z.iso.date('must be an ISO date like "2026-11-30"');

/** True unless both incident times are set and the end lies before the start. */
export function endNotBeforeStart(info: {
  incidentStart?: string | null;
  incidentEnd?: string | null;
}) {
  if (!info.incidentStart || !info.incidentEnd) return true;
  return Date.parse(info.incidentEnd) >= Date.parse(info.incidentStart);
}
const endAfterStartIssue = { message: "must not be before incidentStart", path: ["incidentEnd"] };

export const createBoardInputSchema = z
  .strictObject({
    title: titleSchema,
    incidentStart: isoWithOffsetSchema.optional(),
    incidentEnd: isoWithOffsetSchema.optional(),
    timezone: timezoneSchema,
    createdAt: epochMsSchema.optional(),
  })
  .refine(endNotBeforeStart, endAfterStartIssue);
export type CreateBoardInput = z.input<typeof createBoardInputSchema>;

/** Partial board info; null clears an incident time. */
export const updateBoardInfoInputSchema = z.strictObject({
  title: titleSchema.optional(),
  incidentStart: isoWithOffsetSchema.nullable().optional(),
  incidentEnd: isoWithOffsetSchema.nullable().optional(),
  timezone: timezoneSchema.optional(),
});
export type UpdateBoardInfoInput = z.input<typeof updateBoardInfoInputSchema>;

export const addParticipantLaneInputSchema = z.strictObject({
  participantId: participantIdSchema,
  name: nameSchema,
  color: colorSchema.optional(),
});
export type AddParticipantLaneInput = z.input<typeof addParticipantLaneInputSchema>;

export const laneNameSchema = nameSchema;

export const addCardInputSchema = z.strictObject({
  id: idSchema.optional(),
  laneId: idSchema,
  at: epochMsSchema,
  kind: cardKindSchema,
  text: cardTextSchema.optional(),
  authorId: idSchema,
  createdAt: epochMsSchema.optional(),
  source: cardSourceSchema.optional(),
});
export type AddCardInput = z.input<typeof addCardInputSchema>;

export const moveCardInputSchema = z.strictObject({
  at: epochMsSchema,
  laneId: idSchema.optional(),
});
export type MoveCardInput = z.input<typeof moveCardInputSchema>;

export const voteInputSchema = z.strictObject({
  cardId: idSchema,
  participantId: participantIdSchema,
  delta: z
    .number()
    .int("must be an integer")
    .min(-LIMITS.votesPerParticipant)
    .max(LIMITS.votesPerParticipant),
});
export type VoteInput = z.input<typeof voteInputSchema>;

export const markNewToMeInputSchema = z.strictObject({
  cardId: idSchema,
  participantId: participantIdSchema,
  value: z.boolean(),
});
export type MarkNewToMeInput = z.input<typeof markNewToMeInputSchema>;

const cardIdsSchema = z.array(idSchema).max(LIMITS.cardIdsPerImprovement);

export const addImprovementInputSchema = z.strictObject({
  id: idSchema.optional(),
  title: titleSchema,
  owner: z.string().trim().max(LIMITS.nameLength).optional(),
  due: dueSchema.optional(),
  status: statusSchema.optional(),
  cardIds: cardIdsSchema.optional(),
  createdAt: epochMsSchema.optional(),
});
export type AddImprovementInput = z.input<typeof addImprovementInputSchema>;

/** Partial improvement; null clears the due date; `cardIds` replaces the whole list. */
export const updateImprovementInputSchema = z.strictObject({
  title: titleSchema.optional(),
  owner: z.string().trim().max(LIMITS.nameLength).optional(),
  due: dueSchema.nullable().optional(),
  status: statusSchema.optional(),
  cardIds: cardIdsSchema.optional(),
});
export type UpdateImprovementInput = z.input<typeof updateImprovementInputSchema>;
