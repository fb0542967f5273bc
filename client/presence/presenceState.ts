import { z } from "zod";

// What each browser publishes on the board room's awareness. Small on purpose: the server caps a
// state at 8 KiB and relays every change to everyone, ~20 times a second while a pointer moves.

const finite = z.number().refine(Number.isFinite, "must be finite");

const UserSchema = z.object({
  name: z.string().max(200),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  participantId: z.string().min(1).max(128),
  role: z.enum(["facilitator", "participant", "observer"]),
});

const CursorSchema = z.object({
  /** Incident time under the pointer, epoch ms: the same spot whatever each person's zoom. */
  at: finite,
  laneId: z.string().min(1).max(128),
  /** How far down the lane, 0 (top) to 1 (bottom); optional so plainer clients still count. */
  y: z.number().min(0).max(1).optional(),
});

const ViewportSchema = z.object({
  startMs: finite,
  msPerPx: finite.refine((v) => v > 0),
  /** Width of the view in px, so followers with another screen size can centre on its middle. */
  widthPx: z.number().nonnegative().max(100_000).optional(),
});

/**
 * Awareness states are other people's input: validated here, and a state that does not fit
 * (an older client, a hand-written one) is ignored rather than trusted. Optional parts fall
 * back to their "nothing to show" value so a peer that sends only `user` still appears.
 */
export const PresenceStateSchema = z.object({
  user: UserSchema,
  /**
   * The mouse pointer over the lanes. The editors' text carets live in another field
   * (client/editor/createCaretAwareness.ts maps y-prosemirror's "cursor" to "textCaret").
   */
  cursor: CursorSchema.nullable().catch(null),
  /** Facilitators only: the part of the board they show, for "follow the facilitator". */
  viewport: ViewportSchema.nullable().catch(null),
  ready: z.boolean().catch(false),
});

export type PresenceUser = z.infer<typeof UserSchema>;
export type PresenceCursor = z.infer<typeof CursorSchema>;
export type PresenceViewport = z.infer<typeof ViewportSchema>;
export type PresenceState = z.infer<typeof PresenceStateSchema>;

/** A validated state together with the awareness client id it came from. */
export type Peer = PresenceState & { clientId: number };
