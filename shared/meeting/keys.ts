// The public layout of the meeting room `<boardId>/meeting`. Clients and stored documents rely on
// these exact strings, so they live here and nowhere else; renaming one is a data migration.

/** Names of the top-level shared types on a meeting Y.Doc. */
export const MEETING_ROOT = {
  meeting: "meeting",
  prompts: "prompts",
  history: "history",
} as const;

/** Keys of the `meeting` Y.Map. */
export const MEETING_KEY = {
  scriptId: "scriptId",
  phases: "phases",
  cardPrompts: "cardPrompts",
  phaseIndex: "phaseIndex",
  status: "status",
  startedAt: "startedAt",
  durationMs: "durationMs",
  remainingMs: "remainingMs",
  facilitators: "facilitators",
  draftCounts: "draftCounts",
} as const;
