import * as Y from "yjs";
import { z } from "zod";
import { type CardKind, ID_PATTERN, MAX_PARTICIPANT_ID_LENGTH } from "../board";
import type { HistoryChange, HistoryEntry } from "./history";
import { MEETING_KEY, MEETING_ROOT } from "./keys";
import type { FeedPrompt } from "./prompts";
import { cardPromptsSchema, phaseSchema, type Script } from "./script";
import { initialMeetingState, MEETING_STATUSES, type MeetingState } from "./timer";

// The meeting room is written by the server only, so writers trust their (typed) input. Readers
// run on every client and tolerate anything, including a document the server has not yet
// initialised: they return null or empty rather than throw, because a board must always render.

/** Everything a client shows of the meeting, as plain data. */
export interface MeetingSnapshot {
  /** Null until the server has initialised the meeting. */
  state: MeetingState | null;
  cardPrompts: Partial<Record<CardKind, string[]>>;
  /** Oldest first. */
  prompts: FeedPrompt[];
  history: HistoryEntry[];
  facilitators: string[];
  draftCounts: Record<string, number>;
}

interface MeetingRoots {
  meeting: Y.Map<unknown>;
  prompts: Y.Array<unknown>;
  history: Y.Array<unknown>;
}

function roots(doc: Y.Doc): MeetingRoots {
  return {
    meeting: doc.getMap(MEETING_ROOT.meeting),
    prompts: doc.getArray(MEETING_ROOT.prompts),
    history: doc.getArray(MEETING_ROOT.history),
  };
}

// Plain values are stored as JSON: a deep copy drops `undefined` (which JSON has no place for)
// and detaches the stored value from the caller's objects, e.g. the frozen shipped scripts.
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function isParticipantId(id: unknown): id is string {
  return typeof id === "string" && ID_PATTERN.test(id) && id.length <= MAX_PARTICIPANT_ID_LENGTH;
}

function requireParticipantId(command: string, id: string): void {
  if (!isParticipantId(id)) throw new RangeError(`${command}: invalid participant id "${id}"`);
}

/**
 * Initialises the meeting room for `script` in the lobby and returns true; returns false and
 * changes nothing when it is initialised already, so a restarted server cannot reset a meeting.
 */
export function initMeetingDoc(doc: Y.Doc, script: Script, origin?: unknown): boolean {
  let initialised = false;
  doc.transact(() => {
    const { meeting } = roots(doc);
    if (meeting.has(MEETING_KEY.scriptId)) return;
    writeState(meeting, initialMeetingState(script));
    meeting.set(MEETING_KEY.cardPrompts, plain(script.cardPrompts));
    meeting.set(MEETING_KEY.facilitators, []);
    meeting.set(MEETING_KEY.draftCounts, new Y.Map<unknown>());
    initialised = true;
  }, origin);
  return initialised;
}

// Writes only the keys whose value changed, so a pause is a few bytes on the wire and not the
// whole script again.
function writeState(meeting: Y.Map<unknown>, state: MeetingState): void {
  const values: Record<keyof MeetingState, unknown> = {
    scriptId: state.scriptId,
    phases: plain(state.phases),
    phaseIndex: state.phaseIndex,
    status: state.status,
    startedAt: state.startedAt,
    durationMs: state.durationMs,
    remainingMs: state.remainingMs,
  };
  for (const [key, value] of Object.entries(values)) {
    const stored = meeting.get(key);
    const same =
      typeof value === "object" && value !== null
        ? JSON.stringify(stored) === JSON.stringify(value)
        : stored === value;
    if (!same) meeting.set(key, value);
  }
}

/** Stores the meeting's timer state (script id and phases included). */
export function writeMeetingState(doc: Y.Doc, state: MeetingState, origin?: unknown): void {
  doc.transact(() => writeState(roots(doc).meeting, state), origin);
}

const storedPhasesSchema = z.array(phaseSchema).min(1);

function finiteOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** Returns the stored timer state, or null when the meeting is not initialised (or unreadable). */
export function readMeetingState(doc: Y.Doc): MeetingState | null {
  const { meeting } = roots(doc);
  const scriptId = meeting.get(MEETING_KEY.scriptId);
  const parsed = storedPhasesSchema.safeParse(meeting.get(MEETING_KEY.phases));
  if (typeof scriptId !== "string" || !parsed.success) return null;
  const phases = parsed.data;
  const storedIndex = meeting.get(MEETING_KEY.phaseIndex);
  const phaseIndex =
    Number.isInteger(storedIndex) &&
    (storedIndex as number) >= 0 &&
    (storedIndex as number) < phases.length
      ? (storedIndex as number)
      : 0;
  const status = meeting.get(MEETING_KEY.status);
  return {
    scriptId,
    phases,
    phaseIndex,
    status: (MEETING_STATUSES as readonly unknown[]).includes(status)
      ? (status as MeetingState["status"])
      : "lobby",
    startedAt: finiteOrNull(meeting.get(MEETING_KEY.startedAt)),
    durationMs:
      finiteOrNull(meeting.get(MEETING_KEY.durationMs)) ?? phases[phaseIndex]?.durationMs ?? 0,
    remainingMs: finiteOrNull(meeting.get(MEETING_KEY.remainingMs)),
  };
}

function toFeedPrompt(value: unknown): FeedPrompt | null {
  if (typeof value !== "object" || value === null) return null;
  const { id, phaseId, at, text } = value as Record<string, unknown>;
  if (typeof id !== "string" || typeof phaseId !== "string" || typeof text !== "string") {
    return null;
  }
  if (typeof at !== "number" || !Number.isFinite(at)) return null;
  return { id, phaseId, at, text };
}

/** Returns the prompt feed, oldest first, each id once. */
export function readPrompts(doc: Y.Doc): FeedPrompt[] {
  // Two servers appending concurrently (say, around a lock handover) can both post one prompt;
  // the array's merged order is the same on every replica, so keeping the first agrees everywhere.
  const seen = new Set<string>();
  const out: FeedPrompt[] = [];
  for (const item of roots(doc).prompts.toArray()) {
    const prompt = toFeedPrompt(item);
    if (!prompt || seen.has(prompt.id)) continue;
    seen.add(prompt.id);
    out.push(prompt);
  }
  return out;
}

/** Returns the ids of every prompt in the feed. */
export function readPostedPromptIds(doc: Y.Doc): Set<string> {
  return new Set(readPrompts(doc).map((prompt) => prompt.id));
}

/** Appends prompts to the feed, skipping ids already posted, and returns how many it added. */
export function appendPrompts(
  doc: Y.Doc,
  prompts: readonly FeedPrompt[],
  origin?: unknown,
): number {
  let added = 0;
  doc.transact(() => {
    const posted = readPostedPromptIds(doc);
    const fresh: FeedPrompt[] = [];
    for (const prompt of prompts) {
      if (posted.has(prompt.id)) continue;
      posted.add(prompt.id);
      fresh.push({ id: prompt.id, phaseId: prompt.phaseId, at: prompt.at, text: prompt.text });
    }
    if (fresh.length > 0) roots(doc).prompts.push(fresh);
    added = fresh.length;
  }, origin);
  return added;
}

function toHistoryEntry(value: unknown): HistoryEntry | null {
  if (typeof value !== "object" || value === null) return null;
  const { phaseId, plannedMs, startedAt, endedAt } = value as Record<string, unknown>;
  const planned = finiteOrNull(plannedMs);
  const started = finiteOrNull(startedAt);
  if (typeof phaseId !== "string" || planned === null || started === null) return null;
  return { phaseId, plannedMs: planned, startedAt: started, endedAt: finiteOrNull(endedAt) };
}

/** Returns the phase history in the order the phases were entered. */
export function readHistory(doc: Y.Doc): HistoryEntry[] {
  return roots(doc)
    .history.toArray()
    .map(toHistoryEntry)
    .filter((entry): entry is HistoryEntry => entry !== null);
}

/**
 * Records history changes from `applyMeetingAction`: "open" appends an entry, "close" sets
 * `endedAt` on the latest open entry (nothing open: no-op, so a replay is harmless).
 */
export function applyHistoryChanges(
  doc: Y.Doc,
  changes: readonly HistoryChange[],
  origin?: unknown,
): void {
  if (changes.length === 0) return;
  doc.transact(() => {
    const { history } = roots(doc);
    for (const change of changes) {
      if (change.type === "open") {
        history.push([plain(change.entry)]);
        continue;
      }
      const items = history.toArray();
      for (let i = items.length - 1; i >= 0; i--) {
        const entry = toHistoryEntry(items[i]);
        if (entry?.endedAt !== null) continue;
        // Stored entries are plain JSON, which Yjs cannot edit in place: replace the item.
        history.delete(i, 1);
        history.insert(i, [{ ...entry, endedAt: change.endedAt }]);
        break;
      }
    }
  }, origin);
}

function draftCountsMap(meeting: Y.Map<unknown>): Y.Map<unknown> | undefined {
  const value = meeting.get(MEETING_KEY.draftCounts);
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : undefined;
}

/** Records how many private drafts a participant holds; 0 removes the entry. */
export function setDraftCount(
  doc: Y.Doc,
  participantId: string,
  n: number,
  origin?: unknown,
): void {
  requireParticipantId("setDraftCount", participantId);
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`setDraftCount: count must be a non-negative integer, got ${n}`);
  }
  doc.transact(() => {
    const { meeting } = roots(doc);
    // Only the server writes this room, so creating the map here cannot race another writer.
    const counts = draftCountsMap(meeting) ?? meeting.set(MEETING_KEY.draftCounts, new Y.Map());
    if (n === 0) counts.delete(participantId);
    else if (counts.get(participantId) !== n) counts.set(participantId, n);
  }, origin);
}

/** Returns participant id → number of private drafts (participants with none are absent). */
export function readDraftCounts(doc: Y.Doc): Record<string, number> {
  const out: Record<string, number> = {};
  draftCountsMap(roots(doc).meeting)?.forEach((count, participantId) => {
    if (Number.isSafeInteger(count) && (count as number) > 0) out[participantId] = count as number;
  });
  return out;
}

/** Returns the participant ids granted the facilitator role in the meeting. */
export function readFacilitators(doc: Y.Doc): string[] {
  const stored = roots(doc).meeting.get(MEETING_KEY.facilitators);
  return Array.isArray(stored) ? [...new Set(stored.filter(isParticipantId))] : [];
}

/** Grants a participant the facilitator role; returns false when they already had it. */
export function grantFacilitator(doc: Y.Doc, participantId: string, origin?: unknown): boolean {
  requireParticipantId("grantFacilitator", participantId);
  let granted = false;
  doc.transact(() => {
    const current = readFacilitators(doc);
    if (current.includes(participantId)) return;
    roots(doc).meeting.set(MEETING_KEY.facilitators, [...current, participantId]);
    granted = true;
  }, origin);
  return granted;
}

/**
 * Takes a granted facilitator role back; true when the participant had it. Holders of the
 * facilitator link are facilitators by their link, not by a grant, and keep the role.
 */
export function revokeFacilitator(doc: Y.Doc, participantId: string, origin?: unknown): boolean {
  requireParticipantId("revokeFacilitator", participantId);
  let revoked = false;
  doc.transact(() => {
    const current = readFacilitators(doc);
    if (!current.includes(participantId)) return;
    roots(doc).meeting.set(
      MEETING_KEY.facilitators,
      current.filter((id) => id !== participantId),
    );
    revoked = true;
  }, origin);
  return revoked;
}

/** Returns the card-kind prompts of the meeting's script ({} when absent or unreadable). */
export function readCardPrompts(doc: Y.Doc): Partial<Record<CardKind, string[]>> {
  const parsed = cardPromptsSchema.safeParse(roots(doc).meeting.get(MEETING_KEY.cardPrompts));
  return parsed.success ? parsed.data : {};
}

/** Returns the whole meeting room as plain data, for clients. */
export function readMeeting(doc: Y.Doc): MeetingSnapshot {
  return {
    state: readMeetingState(doc),
    cardPrompts: readCardPrompts(doc),
    prompts: readPrompts(doc),
    history: readHistory(doc),
    facilitators: readFacilitators(doc),
    draftCounts: readDraftCounts(doc),
  };
}
