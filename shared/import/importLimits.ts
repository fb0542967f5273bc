import { LIMITS } from "../board";

// Limits of one timeline import. An alert timeline, a day of an incident channel or a log excerpt
// is a few hundred rows; these leave ample room while bounding what one request can make the
// server parse and write into a document every peer then has to load.
export const IMPORT_LIMITS = {
  /** Size of the pasted or dropped file, in UTF-8 bytes. */
  contentBytes: 2 * 1024 * 1024,
  /** Cards one import may create (rows after blank lines and skipped messages). */
  rows: 5_000,
  /** A row's text becomes a card's text, so the card's own limit applies. */
  textLength: LIMITS.cardTextLength,
  /** A row's source becomes the card's `source`. */
  sourceLength: LIMITS.sourceLength,
  /** Problems listed in one refusal; past this the user fixes the pattern, not each line. */
  reportedProblems: 20,
} as const;
