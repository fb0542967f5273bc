import { z } from "zod";

// Server answers are untrusted input until they pass these schemas; past `requestJson`
// the client trusts its types. Unknown extra fields are allowed so the server can grow.

export const RoleSchema = z.enum(["facilitator", "participant", "observer"]);
export type Role = z.infer<typeof RoleSchema>;

const RoleLinksSchema = z.object({
  facilitator: z.string(),
  participant: z.string(),
  observer: z.string(),
});

export const CreatedBoardSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  keys: RoleLinksSchema,
  links: RoleLinksSchema,
});
export type CreatedBoard = z.infer<typeof CreatedBoardSchema>;

export const JoinedSessionSchema = z.object({
  token: z.string().min(1),
  role: RoleSchema,
  participantId: z.string().min(1),
  boardId: z.string().min(1),
  name: z.string(),
  expiresAt: z.number(),
});
export type JoinedSession = z.infer<typeof JoinedSessionSchema>;

export const BoardAccessSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  role: RoleSchema,
  participantId: z.string().min(1),
  name: z.string().optional(),
  expiresAt: z.number().optional(),
});
export type BoardAccess = z.infer<typeof BoardAccessSchema>;

export const ErrorBodySchema = z.object({ error: z.string() });
