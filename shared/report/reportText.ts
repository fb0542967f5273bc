import type { CardKind, ImprovementStatus } from "../board";
import type { MeetingStatus } from "../meeting";
import type { Instant, Report, ReportCard, ReportMeeting } from "./reportTypes";
import { formatDate, formatUtcOffset } from "./zonedTime";

// Every fixed sentence of the report, shared by the Markdown and HTML renderers so both read the
// same. The wording is blameless on purpose: conditions rather than culprits, no single cause,
// no hindsight verbs. A unit test runs the blameless-language check over all of it.

export const HEADINGS = {
  summary: "Summary",
  timeline: "What happened",
  perspectives: "How it looked from each seat",
  factors: "Contributing factors",
  helped: "What helped",
  improvements: "What we will change",
  newToUs: "What was new to us",
  meeting: "How the meeting went",
  language: "Language review",
} as const;

export const INTROS = {
  summary: "From the notes the team kept together during the debrief.",
  summaryEmpty: "The shared notes are empty.",
  timeline:
    "Every card from every lane, in incident-time order: shared facts beside what each person saw, thought and did at that moment.",
  timelineEmpty: "There are no cards on the board yet.",
  perspectives:
    "Each person's own lane, as they remember it. Everyone acted on what they knew and could see at the time.",
  perspectiveEmpty: "No cards on this lane.",
  noParticipants: "No one has joined with a lane of their own yet.",
  factors:
    "Conditions that lined up and made the incident possible or harder to handle, most votes first. No one of them tells the whole story.",
  factorsEmpty: "No contributing factors were recorded on the board.",
  helped: "People, tools and habits that helped us notice, decide or recover.",
  helpedEmpty:
    "Nothing on the board is marked as having helped. A card whose text starts with “Helped:” is listed here.",
  improvements: "What the team agreed to change, with owners and dates.",
  improvementsEmpty: "No improvements were recorded on the board.",
  newToUs:
    "Cards that at least one person did not know about at the time, with how many marked them: what the debrief taught us.",
  newToUsEmpty: "Nobody marked a card as new to them.",
  meeting: "The debrief's phases as planned and as they ran. Actual times include pauses.",
  meetingNone: "No meeting was held on this board.",
  meetingLobby: "The meeting has not started.",
  language:
    "For the facilitator: wording that points at people instead of conditions, replays events with hindsight, or narrows the story to one thing, each with a kinder alternative. The check is a heuristic; use judgement.",
  languageEmpty: "No phrases were flagged.",
  languageOff: "The language review was not included.",
  noText: "(no text)",
} as const;

/** How a card of each kind reads after a person's name: "Priya saw: …". */
export const KIND_VERBS: Record<CardKind, string> = {
  event: "noted",
  observation: "saw",
  belief: "thought",
  action: "did",
  question: "asked",
  factor: "named a factor",
};

/** The kind as a label on its own. */
export const KIND_LABELS: Record<CardKind, string> = {
  event: "Fact",
  observation: "Observation",
  belief: "Belief",
  action: "Action",
  question: "Question",
  factor: "Contributing factor",
};

export const STATUS_LABELS: Record<ImprovementStatus, string> = {
  open: "Open",
  "in-progress": "In progress",
  done: "Done",
  "wont-do": "Not doing",
};

/** "Priya", "Priya and Sam", "Priya, Sam and Alex". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** "45 s", "12 min", "12 min 30 s" (with seconds), "2 h 5 min", "1 d 3 h". */
export function formatDuration(ms: number, withSeconds = false): string {
  const totalSeconds = Math.round(Math.abs(ms) / 1000);
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const totalMinutes = withSeconds ? Math.floor(totalSeconds / 60) : Math.round(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  if (totalMinutes < 60) {
    return withSeconds && seconds > 0 ? `${totalMinutes} min ${seconds} s` : `${totalMinutes} min`;
  }
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
}

/** Actual against planned: "+2 min 30 s", "−1 min", "as planned" within half a minute. */
export function formatDifference(actualMs: number, plannedMs: number): string {
  const delta = actualMs - plannedMs;
  if (Math.abs(delta) < 30_000) return "as planned";
  return `${delta > 0 ? "+" : "−"}${formatDuration(delta, true)}`;
}

export interface TimeContext {
  /** Times on this date show without it: the incident's start date, else the first card's. */
  referenceDate: string | null;
  /** The cards fall on more than one date. */
  multiDate: boolean;
  /** The cards fall in more than one UTC offset (the clocks changed). */
  multiOffset: boolean;
}

/** What the report's times need, besides the clock time, to be unambiguous. */
export function timeContext(report: Report): TimeContext {
  const dates = new Set(report.cards.map((card) => card.time.date));
  return {
    referenceDate: report.incident.start?.date ?? report.incident.firstCard?.date ?? null,
    multiDate: dates.size > 1,
    multiOffset: report.offsets.length > 1,
  };
}

const SHORT_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");

/** "2026-11-30" → "30 Nov 2026". */
export function formatShortDate(date: string): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return `${day} ${SHORT_MONTHS[month - 1]} ${year}`;
}

/**
 * A card time as the report shows it outside the timeline table: "01:32", with the day when it
 * is not the incident's ("4 Nov 00:12"), and the offset when the clocks changed ("(UTC+01:00)").
 */
export function cardTimeLabel(time: Instant, context: TimeContext): string {
  const date =
    time.date === context.referenceDate
      ? ""
      : `${formatShortDate(time.date).replace(/ \d+$/, "")} `;
  const offset = context.multiOffset ? ` (${formatUtcOffset(time.offset)})` : "";
  return `${date}${time.time}${offset}`;
}

/** "Priya" for a perspective, "Timeline" for a shared fact. */
export function whose(card: ReportCard): string {
  return card.lane.name;
}

/** The incident window in words, or what the board offers instead. */
export function describeWindow(report: Report): string {
  const { start, end, firstCard, lastCard } = report.incident;
  const differ = start && end && start.offset !== end.offset;
  const at = (i: Instant) => `${i.time}${differ ? ` (${formatUtcOffset(i.offset)})` : ""}`;
  if (start && end) {
    return start.date === end.date
      ? `${formatDate(start.date)}, ${at(start)} – ${at(end)}`
      : `${formatDate(start.date)}, ${at(start)} – ${formatDate(end.date)}, ${at(end)}`;
  }
  if (start) return `From ${formatDate(start.date)}, ${at(start)}; the end is not recorded`;
  if (end) return `Until ${formatDate(end.date)}, ${at(end)}; the start is not recorded`;
  if (firstCard && lastCard) {
    return `Not recorded; the timeline runs from ${formatDate(firstCard.date)}, ${firstCard.time} to ${
      firstCard.date === lastCard.date ? "" : `${formatDate(lastCard.date)}, `
    }${lastCard.time}`;
  }
  return "Not recorded";
}

/** "Europe/Berlin (UTC+02:00)", or both offsets when the clocks changed within the report. */
export function describeTimeZone(report: Report): string {
  const { start, end } = report.incident;
  const offsets = [
    ...new Set([start?.offset, ...report.offsets, end?.offset].filter((o) => o !== undefined)),
  ];
  if (offsets.length === 0) return report.timezone;
  const labels = offsets.map(formatUtcOffset);
  if (labels.length === 1) return `${report.timezone} (${labels[0]})`;
  return `${report.timezone} (${labels.join(", then ")} after the clocks changed)`;
}

/** "Priya, Sam (facilitator) and Alex". */
export function describeParticipants(report: Report): string {
  if (report.participants.length === 0) return "No participant lanes on the board";
  return joinNames(
    report.participants.map((p) => (p.facilitator ? `${p.name} (facilitator)` : p.name)),
  );
}

const MEETING_STATUS: Record<MeetingStatus, string> = {
  lobby: "not started",
  running: "still running",
  paused: "paused",
  ended: "ended",
};

/** "Held on Monday 9 November 2026, 10:00–11:09." or "… from 10:00; still running." */
export function describeMeetingDay(meeting: ReportMeeting): string {
  const first = meeting.runs[0];
  const last = meeting.runs.at(-1);
  if (!first || !last) return `The meeting has ${MEETING_STATUS[meeting.status]}.`;
  const day = `Held on ${formatDate(first.startedAt.date)}`;
  if (meeting.status === "ended" && last.endedAt) {
    return `${day}, ${first.startedAt.time}–${last.endedAt.time}.`;
  }
  return `${day} from ${first.startedAt.time}; ${MEETING_STATUS[meeting.status]}.`;
}

/** "new to 2: Priya and Sam"; names missing for people without a lane. */
export function describeNewTo(card: ReportCard): string {
  const { count, names } = card.newTo;
  if (names.length === 0) return `new to ${count} ${count === 1 ? "person" : "people"}`;
  const unnamed = count - names.length;
  const who = unnamed > 0 ? [...names, unnamed === 1 ? "one more" : `${unnamed} more`] : names;
  return `new to ${count}: ${joinNames(who)}`;
}

/** A card's text on one line, shortened: how the report names a card it refers to. */
export function cardExcerpt(card: ReportCard, max = 60): string {
  const line = card.text.replace(/\s+/g, " ").trim();
  if (line === "") return INTROS.noText;
  return line.length <= max ? line : `${line.slice(0, max - 1).replace(/\s+\S*$/, "")}…`;
}
