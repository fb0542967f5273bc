import type { CardKind, ImprovementStatus, LaneKind } from "../board";
import type { MeetingStatus } from "../meeting";

// The report model: plain, JSON-safe data that every renderer formats and nothing more. Cards
// are listed once, in `cards`; sections refer to them by id. docs/report.md documents each field.

/** One instant as epoch ms and as read on the board's wall clock. */
export interface Instant {
  /** Epoch ms, UTC. */
  at: number;
  /** ISO 8601 with the zone's offset at that instant: "2026-10-25T02:30:00+01:00". */
  iso: string;
  /** "YYYY-MM-DD" in the board's zone. */
  date: string;
  /** "HH:MM", 24-hour, in the board's zone. */
  time: string;
  /** The zone's UTC offset at that instant: "+01:00". */
  offset: string;
}

export const INLINE_MARKS = ["bold", "italic", "code", "strike", "underline"] as const;
export type InlineMark = (typeof INLINE_MARKS)[number];

export type Inline =
  | {
      type: "text";
      text: string;
      /** Sorted, each at most once. */
      marks: InlineMark[];
      /** Only http:, https: and mailto: targets; any other link is kept as plain text. */
      href?: string;
    }
  | { type: "break" };

export type Block =
  | { type: "paragraph"; content: Inline[] }
  | { type: "heading"; level: number; content: Inline[] }
  | { type: "list"; ordered: boolean; start: number; items: Block[][] }
  | { type: "quote"; content: Block[] }
  | { type: "code"; text: string }
  | { type: "rule" };

export interface ReportCard {
  id: string;
  time: Instant;
  kind: CardKind;
  /** The lane the card is shown in (the timeline for a card whose lane is gone). */
  lane: { id: string; kind: LaneKind; name: string };
  /** Plain text, one line per text block. */
  text: string;
  /** The rich text, structure kept. */
  blocks: Block[];
  /** Where an imported fact came from, else null. */
  source: string | null;
  votes: number;
  /** How many people marked it new to them, and the names of those who have a lane. */
  newTo: { count: number; names: string[] };
  /** Ids of cards this card relates to. */
  links: string[];
  /** True when it is listed under "What helped" (its text starts with "Helped:"). */
  helped: boolean;
}

export interface Participant {
  participantId: string;
  laneId: string;
  name: string;
  /** "#rrggbb". */
  color: string;
  /** Granted the facilitator role in the meeting. */
  facilitator: boolean;
  cardCount: number;
}

export interface TimelineGroup {
  /** The minute the group's cards fall in. */
  minute: Instant;
  /** The board-zone date differs from the previous group's (true for the first group). */
  dateChanged: boolean;
  /** The UTC offset differs from the previous group's (false for the first group). */
  offsetChanged: boolean;
  /** Cards on the timeline lane (shared facts), in order. */
  factIds: string[];
  /** Cards on participant lanes, in order. */
  perspectiveIds: string[];
}

export interface Perspective {
  participantId: string;
  laneId: string;
  name: string;
  cardIds: string[];
}

export interface ReportImprovement {
  id: string;
  title: string;
  owner: string;
  due: string | null;
  status: ImprovementStatus;
  cardIds: string[];
}

export interface MeetingPhaseRun {
  phaseId: string;
  title: string;
  plannedMs: number;
  /** Wall-clock time in the phase, pauses included; null while it is still running. */
  actualMs: number | null;
  startedAt: Instant;
  endedAt: Instant | null;
}

export interface ReportMeeting {
  scriptId: string;
  status: MeetingStatus;
  /** One entry per phase visit, in visit order. */
  runs: MeetingPhaseRun[];
  /** Phases of the script that were never entered. */
  skipped: { phaseId: string; title: string; plannedMs: number }[];
  /** The script's planned total. */
  plannedMs: number;
  /** Sum of the finished runs. */
  actualMs: number;
}

export type FindingSource =
  | { type: "card"; cardId: string }
  | { type: "notes" }
  | { type: "improvement"; improvementId: string };

export interface LanguageFinding {
  source: FindingSource;
  phrase: string;
  category: string;
  suggestion: string;
  /** Offsets into the plain text of the source (card text, summary text, improvement title). */
  start: number;
  end: number;
  /** The sentence around the phrase, shortened. */
  excerpt: string;
}

export interface LanguageReview {
  count: number;
  /** Each flagged phrase (lower-cased) once, most frequent first. */
  phrases: { phrase: string; category: string; suggestion: string; count: number }[];
  findings: LanguageFinding[];
}

export interface Report {
  version: 1;
  generatedAt: Instant;
  title: string;
  /** IANA zone every Instant is read in. */
  timezone: string;
  incident: {
    start: Instant | null;
    end: Instant | null;
    durationMs: number | null;
    /** First and last card time; null on a board without cards. */
    firstCard: Instant | null;
    lastCard: Instant | null;
  };
  participants: Participant[];
  summary: { text: string; blocks: Block[] };
  /** Every card of every lane, in incident-time order. */
  cards: ReportCard[];
  /** Distinct UTC offsets the timeline's times fall in, in order of first appearance. */
  offsets: string[];
  timeline: TimelineGroup[];
  perspectives: Perspective[];
  /** Contributing factors, most votes first. */
  factorIds: string[];
  helpedIds: string[];
  improvements: ReportImprovement[];
  /** Cards at least one person marked new to them, most marks first. */
  newToSomeoneIds: string[];
  meeting: ReportMeeting | null;
  /** Null when the review was switched off in the options. */
  languageReview: LanguageReview | null;
}
