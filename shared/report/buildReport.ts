import type * as Y from "yjs";
import { fragmentToBlocks, fragmentToPlainText, getNotesFragment, readBoard } from "../board";
import { readMeeting } from "../meeting";
import { safeTimeZone } from "../time/wallClock";
import { type ReviewSource, reviewLanguage } from "./languageReview";
import { buildMeetingSection } from "./meetingSection";
import { buildParticipants, createCardConverter } from "./reportCards";
import type { Instant, Report, ReportCard } from "./reportTypes";
import { toReportBlocks } from "./richBlocks";
import { groupByMinute } from "./timelineGroups";
import { toInstant } from "./zonedTime";

export interface BuildReportOptions {
  /** Epoch ms the report is stamped with; defaults to now. Fix it for reproducible output. */
  generatedAt?: number;
  /** Include the blameless-language review (default true). */
  languageReview?: boolean;
}

function parseInstant(iso: string | null, timeZone: string): Instant | null {
  const at = iso === null ? Number.NaN : Date.parse(iso);
  return Number.isFinite(at) ? toInstant(at, timeZone) : null;
}

// Stable sorts over cards already in incident-time order keep that order among equals.
function byVotes(a: ReportCard, b: ReportCard): number {
  return b.votes - a.votes;
}

function byNewToCount(a: ReportCard, b: ReportCard): number {
  return b.newTo.count - a.newTo.count;
}

/** Builds the report model from a board document and (if there is one) its meeting document. */
export function buildReport(
  boardDoc: Y.Doc,
  meetingDoc: Y.Doc | null,
  options: BuildReportOptions = {},
): Report {
  const board = readBoard(boardDoc);
  const timeZone = safeTimeZone(board.info.timezone);
  const meeting = meetingDoc ? readMeeting(meetingDoc) : null;
  const participants = buildParticipants(board, new Set(meeting?.facilitators ?? []));
  const cards = board.cards.map(createCardConverter(boardDoc, board, timeZone));
  const notes = getNotesFragment(boardDoc);
  const summary = {
    text: fragmentToPlainText(notes),
    blocks: toReportBlocks(fragmentToBlocks(notes)),
  };

  const start = parseInstant(board.info.incidentStart, timeZone);
  const end = parseInstant(board.info.incidentEnd, timeZone);
  const timeline = groupByMinute(cards, timeZone);
  const offsets = [...new Set(timeline.map((group) => group.minute.offset))];

  const review: ReviewSource[] = [
    ...cards.map((card) => ({
      source: { type: "card" as const, cardId: card.id },
      text: card.text,
    })),
    { source: { type: "notes" }, text: summary.text },
    ...board.improvements.map((item) => ({
      source: { type: "improvement" as const, improvementId: item.id },
      text: item.title,
    })),
  ];

  return {
    version: 1,
    generatedAt: toInstant(options.generatedAt ?? Date.now(), timeZone),
    title: board.info.title.trim() || "Untitled incident",
    timezone: timeZone,
    incident: {
      start,
      end,
      durationMs: start && end && end.at >= start.at ? end.at - start.at : null,
      firstCard: cards[0]?.time ?? null,
      lastCard: cards.at(-1)?.time ?? null,
    },
    participants,
    summary,
    cards,
    offsets,
    timeline,
    perspectives: participants.map((p) => ({
      participantId: p.participantId,
      laneId: p.laneId,
      name: p.name,
      cardIds: cards.filter((card) => card.lane.id === p.laneId).map((card) => card.id),
    })),
    factorIds: cards
      .filter((card) => card.kind === "factor" && !card.helped)
      .sort(byVotes)
      .map((card) => card.id),
    helpedIds: cards.filter((card) => card.helped).map((card) => card.id),
    improvements: board.improvements.map((item) => ({
      id: item.id,
      title: item.title,
      owner: item.owner,
      due: item.due,
      status: item.status,
      cardIds: item.cardIds,
    })),
    newToSomeoneIds: cards
      .filter((card) => card.newTo.count > 0)
      .sort(byNewToCount)
      .map((card) => card.id),
    meeting: buildMeetingSection(meeting, timeZone),
    languageReview: options.languageReview === false ? null : reviewLanguage(review),
  };
}
