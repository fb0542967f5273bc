/** The formats an import can read; "auto" is resolved by `detectFormat` first. */
export const IMPORT_FORMATS = ["csv", "slack", "log"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** One validated row of an import: it becomes one `event` card on the timeline. */
export type TimelineRow = {
  /** 1-based line of the file where the row starts, for messages. */
  line: number;
  /** Incident time, epoch ms UTC. */
  at: number;
  text: string;
  /** Where the fact came from: the card's `source`. */
  source: string;
};

/** What every parser needs besides the content. */
export type ParseContext = {
  /** The board's IANA zone: times written without an offset are wall time there. */
  timeZone: string;
  /** Source for rows that carry none (the request's `source`, else the format name). */
  source: string;
};
