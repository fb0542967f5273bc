import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  appendPrompts,
  applyHistoryChanges,
  applyMeetingAction,
  DEFAULT_SCRIPT_ID,
  duePrompts,
  type FeedPrompt,
  getScript,
  grantFacilitator,
  initialMeetingState,
  initMeetingDoc,
  readDraftCounts,
  readFacilitators,
  readHistory,
  readMeeting,
  readMeetingState,
  readPostedPromptIds,
  readPrompts,
  revokeFacilitator,
  setDraftCount,
  writeMeetingState,
} from "../../shared/meeting";
// Only tests that play a foreign or damaged document reach for raw keys.
import { MEETING_KEY, MEETING_ROOT } from "../../shared/meeting/keys";
import { MINUTE, run, T0, TEST_SCRIPT } from "./meetingFixtures";

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

function newMeeting(): Y.Doc {
  const doc = new Y.Doc();
  initMeetingDoc(doc, TEST_SCRIPT);
  return doc;
}

const prompt = (id: string, at = T0): FeedPrompt => ({
  id,
  phaseId: id.split(":")[0] ?? "",
  at,
  text: id,
});

describe("an uninitialised meeting room", () => {
  it("reads as no meeting and empty lists", () => {
    const doc = new Y.Doc();
    expect(readMeetingState(doc)).toBeNull();
    expect(readMeeting(doc)).toEqual({
      state: null,
      cardPrompts: {},
      prompts: [],
      history: [],
      facilitators: [],
      draftCounts: {},
    });
    expect(readPostedPromptIds(doc)).toEqual(new Set());
  });
});

describe("initMeetingDoc", () => {
  it("stores the script's phases and card prompts with the meeting in the lobby", () => {
    const doc = new Y.Doc();
    const script = getScript(DEFAULT_SCRIPT_ID);
    if (!script) throw new Error("default script missing");
    expect(initMeetingDoc(doc, script)).toBe(true);
    expect(readMeetingState(doc)).toEqual(initialMeetingState(script));
    expect(readMeeting(doc).cardPrompts).toEqual(script.cardPrompts);
  });

  it("does nothing on a meeting already initialised, so a restart cannot reset it", () => {
    const doc = newMeeting();
    const runningState = run([[{ type: "start" }, T0]]);
    writeMeetingState(doc, runningState);
    const before = Y.encodeStateVector(doc);
    expect(initMeetingDoc(doc, TEST_SCRIPT)).toBe(false);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(readMeetingState(doc)).toEqual(runningState);
  });
});

describe("the meeting state", () => {
  it("round-trips through the document at every step of a meeting", () => {
    const doc = newMeeting();
    let state = readMeetingState(doc);
    const steps = [
      [{ type: "start" }, T0],
      [{ type: "extend", ms: MINUTE }, T0 + MINUTE],
      [{ type: "pause" }, T0 + 2 * MINUTE],
      [{ type: "resume" }, T0 + 3 * MINUTE],
      [{ type: "next" }, T0 + 4 * MINUTE],
      [{ type: "end" }, T0 + 5 * MINUTE],
    ] as const;
    for (const [action, now] of steps) {
      if (!state) throw new Error("no state");
      const next = applyMeetingAction(state, action, now).state;
      writeMeetingState(doc, next);
      state = readMeetingState(doc);
      expect(state).toEqual(next);
    }
  });

  it("writes only what changed, so a pause does not resend the script", () => {
    const doc = newMeeting();
    const runningState = run([[{ type: "start" }, T0]]);
    writeMeetingState(doc, runningState);
    const vector = Y.encodeStateVector(doc);
    writeMeetingState(doc, run([[{ type: "pause" }, T0 + MINUTE]], runningState));
    const update = Y.encodeStateAsUpdate(doc, vector);
    expect(update.byteLength).toBeLessThan(200);
    const unchanged = Y.encodeStateVector(doc);
    writeMeetingState(
      doc,
      readMeetingState(doc) as NonNullable<ReturnType<typeof readMeetingState>>,
    );
    expect(Y.encodeStateVector(doc)).toEqual(unchanged);
  });

  it("reads damaged fields as safe defaults instead of throwing", () => {
    const doc = newMeeting();
    const meeting = doc.getMap(MEETING_ROOT.meeting);
    meeting.set(MEETING_KEY.phaseIndex, 99);
    meeting.set(MEETING_KEY.status, "exploded");
    meeting.set(MEETING_KEY.startedAt, "noon");
    expect(readMeetingState(doc)).toMatchObject({
      phaseIndex: 0,
      status: "lobby",
      startedAt: null,
    });
    meeting.set(MEETING_KEY.phases, [{ id: "only-an-id" }]);
    expect(readMeetingState(doc)).toBeNull();
  });
});

describe("the prompt feed", () => {
  it("appends prompts in order and never twice", () => {
    const doc = newMeeting();
    expect(appendPrompts(doc, [prompt("a:0"), prompt("a:4")])).toBe(2);
    expect(appendPrompts(doc, [prompt("a:4"), prompt("a:1"), prompt("a:1")])).toBe(1);
    expect(readPrompts(doc).map((p) => p.id)).toEqual(["a:0", "a:4", "a:1"]);
    expect(readPostedPromptIds(doc)).toEqual(new Set(["a:0", "a:4", "a:1"]));
    const before = Y.encodeStateVector(doc);
    expect(appendPrompts(doc, [prompt("a:0")])).toBe(0);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it("drives the schedule: what is posted is not due again", () => {
    const doc = newMeeting();
    const state = run([[{ type: "start" }, T0]]);
    appendPrompts(doc, duePrompts(state, T0 + 4 * MINUTE, readPostedPromptIds(doc)));
    expect(duePrompts(state, T0 + 4 * MINUTE, readPostedPromptIds(doc))).toEqual([]);
    expect(readPrompts(doc)).toEqual([
      { id: "a:0", phaseId: "a", at: T0, text: "A start" },
      { id: "a:4", phaseId: "a", at: T0 + 3 * MINUTE, text: "A at three minutes" },
    ]);
  });

  it("skips entries a foreign writer left malformed", () => {
    const doc = newMeeting();
    doc.getArray(MEETING_ROOT.prompts).push([{ id: 1 }, "text", prompt("b:0")]);
    expect(readPrompts(doc)).toEqual([prompt("b:0")]);
  });
});

describe("the phase history", () => {
  it("records the changes of each action: open, then close and open", () => {
    const doc = newMeeting();
    let state = initialMeetingState(TEST_SCRIPT);
    for (const [action, now] of [
      [{ type: "start" }, T0],
      [{ type: "next" }, T0 + 9 * MINUTE],
      [{ type: "end" }, T0 + 14 * MINUTE],
    ] as const) {
      const result = applyMeetingAction(state, action, now);
      state = result.state;
      applyHistoryChanges(doc, result.history);
    }
    expect(readHistory(doc)).toEqual([
      { phaseId: "a", plannedMs: 10 * MINUTE, startedAt: T0, endedAt: T0 + 9 * MINUTE },
      {
        phaseId: "b",
        plannedMs: 4 * MINUTE,
        startedAt: T0 + 9 * MINUTE,
        endedAt: T0 + 14 * MINUTE,
      },
    ]);
  });

  it("ignores a close with nothing open", () => {
    const doc = newMeeting();
    applyHistoryChanges(doc, [{ type: "close", endedAt: T0 }]);
    expect(readHistory(doc)).toEqual([]);
  });
});

describe("draft counts and facilitators", () => {
  it("counts drafts per participant; zero removes the entry", () => {
    const doc = newMeeting();
    setDraftCount(doc, "ana", 3);
    setDraftCount(doc, "ben", 1);
    setDraftCount(doc, "ben", 0);
    expect(readDraftCounts(doc)).toEqual({ ana: 3 });
    expect(() => setDraftCount(doc, "ana", -1)).toThrow(RangeError);
    expect(() => setDraftCount(doc, "ana", 1.5)).toThrow(RangeError);
    expect(() => setDraftCount(doc, "a/b", 1)).toThrow(RangeError);
  });

  it("grants the facilitator role once per participant", () => {
    const doc = newMeeting();
    expect(grantFacilitator(doc, "ana")).toBe(true);
    expect(grantFacilitator(doc, "ben")).toBe(true);
    expect(grantFacilitator(doc, "ana")).toBe(false);
    expect(readFacilitators(doc)).toEqual(["ana", "ben"]);
    expect(() => grantFacilitator(doc, "")).toThrow(RangeError);
  });

  it("takes a grant back, once", () => {
    const doc = newMeeting();
    grantFacilitator(doc, "ana");
    grantFacilitator(doc, "ben");
    expect(revokeFacilitator(doc, "ana")).toBe(true);
    expect(revokeFacilitator(doc, "ana")).toBe(false);
    expect(revokeFacilitator(doc, "cy")).toBe(false);
    expect(readFacilitators(doc)).toEqual(["ben"]);
    expect(() => revokeFacilitator(doc, "")).toThrow(RangeError);
  });
});

describe("two replicas of the meeting room", () => {
  it("converge: a client sees exactly what the server wrote", () => {
    const server = newMeeting();
    const client = new Y.Doc();
    sync(server, client);
    const state = run([[{ type: "start" }, T0]]);
    const { history } = applyMeetingAction(initialMeetingState(TEST_SCRIPT), { type: "start" }, T0);
    writeMeetingState(server, state);
    applyHistoryChanges(server, history);
    appendPrompts(server, duePrompts(state, T0, new Set()));
    setDraftCount(server, "ana", 2);
    grantFacilitator(server, "ben");
    sync(server, client);
    expect(readMeeting(client)).toEqual(readMeeting(server));
    expect(readMeeting(client)).toMatchObject({
      state: { status: "running", startedAt: T0 },
      prompts: [{ id: "a:0" }],
      history: [{ phaseId: "a", endedAt: null }],
      facilitators: ["ben"],
      draftCounts: { ana: 2 },
    });
  });

  it("converge when two servers initialise and post concurrently (e.g. a lock handover)", () => {
    const one = new Y.Doc();
    const two = new Y.Doc();
    initMeetingDoc(one, TEST_SCRIPT);
    initMeetingDoc(two, TEST_SCRIPT);
    appendPrompts(one, [prompt("a:0")]);
    appendPrompts(two, [prompt("a:0"), prompt("a:4")]);
    sync(one, two);
    expect(readMeeting(one)).toEqual(readMeeting(two));
    // Both posted "a:0"; the feed shows it once, the same on both replicas.
    expect(
      readPrompts(one)
        .map((p) => p.id)
        .sort(),
    ).toEqual(["a:0", "a:4"]);
    expect(readMeetingState(one)).toEqual(initialMeetingState(TEST_SCRIPT));
  });
});
