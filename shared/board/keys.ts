// The public Y.Doc layout. External clients and stored documents rely on these exact strings, so
// they live here and nowhere else; renaming one is a data migration, not a refactor.

/** Names of the top-level shared types on a board Y.Doc. */
export const ROOT = {
  board: "board",
  lanes: "lanes",
  cards: "cards",
  improvements: "improvements",
  notes: "notes",
} as const;

/** Keys of the `board` Y.Map. */
export const BOARD_KEY = {
  title: "title",
  incidentStart: "incidentStart",
  incidentEnd: "incidentEnd",
  timezone: "timezone",
  createdAt: "createdAt",
} as const;

/** Keys of each lane Y.Map inside `lanes`. */
export const LANE_KEY = {
  kind: "kind",
  name: "name",
  color: "color",
  participantId: "participantId",
  order: "order",
} as const;

/** Keys of each card Y.Map inside `cards`. */
export const CARD_KEY = {
  laneId: "laneId",
  at: "at",
  kind: "kind",
  text: "text",
  authorId: "authorId",
  createdAt: "createdAt",
  rank: "rank",
  votes: "votes",
  newToMe: "newToMe",
  links: "links",
  source: "source",
} as const;

/** Keys of each improvement Y.Map inside `improvements`. */
export const IMPROVEMENT_KEY = {
  title: "title",
  owner: "owner",
  due: "due",
  status: "status",
  cardIds: "cardIds",
  createdAt: "createdAt",
} as const;

/** Node and mark names of the rich-text layout written by Tiptap's Collaboration extension. */
export const RICH_TEXT = {
  paragraph: "paragraph",
  hardBreak: "hardBreak",
} as const;
