import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addImprovement,
  getNotesFragment,
  markNewToMe,
  plainTextToFragment,
  removeLane,
  setLaneColor,
  vote,
} from "../../shared/board";
import {
  applyHistoryChanges,
  applyMeetingAction,
  DEFAULT_SCRIPT_ID,
  getScript,
  grantFacilitator,
  initMeetingDoc,
  readMeetingState,
  writeMeetingState,
} from "../../shared/meeting";
import { buildReport, isHelpedText, reportSchema } from "../../shared/report";
import { MINUTE, newBoard, put, T0 } from "../fixtures/report/boards";
import {
  buildFixtureBoardDoc,
  buildFixtureMeetingDoc,
  FIXTURE_GENERATED_AT,
} from "../fixtures/report/fixtureBoard";

function meetingDoc(steps: [Parameters<typeof applyMeetingAction>[1], number][]): Y.Doc {
  const doc = new Y.Doc();
  initMeetingDoc(doc, getScript(DEFAULT_SCRIPT_ID)!);
  for (const [action, now] of steps) {
    const transition = applyMeetingAction(readMeetingState(doc)!, action, now);
    writeMeetingState(doc, transition.state);
    applyHistoryChanges(doc, transition.history);
  }
  return doc;
}

describe("buildReport", () => {
  it("builds a model that its own schema accepts, for the fixture board", () => {
    const report = buildReport(buildFixtureBoardDoc(), buildFixtureMeetingDoc(), {
      generatedAt: FIXTURE_GENERATED_AT,
    });
    expect(reportSchema.parse(JSON.parse(JSON.stringify(report)))).toEqual(report);
    expect(report.version).toBe(1);
    expect(report.generatedAt.iso).toBe("2026-11-09T11:15:00+01:00");
  });

  it("accepts an empty board, a board without a meeting and an uncreated document", () => {
    for (const report of [
      buildReport(newBoard({}, []), null),
      buildReport(new Y.Doc(), new Y.Doc()),
    ]) {
      expect(reportSchema.safeParse(report).success).toBe(true);
      expect(report.cards).toEqual([]);
      expect(report.timeline).toEqual([]);
      expect(report.meeting).toBeNull();
      expect(report.incident.durationMs).toBeNull();
    }
    expect(buildReport(new Y.Doc(), null).title).toBe("Untitled incident");
  });

  it("stamps the report with now unless told otherwise", () => {
    const before = Date.now();
    const report = buildReport(newBoard(), null);
    expect(report.generatedAt.at).toBeGreaterThanOrEqual(before);
    expect(report.generatedAt.at).toBeLessThanOrEqual(Date.now());
  });

  it("lists every card once, merged across lanes in incident-time order", () => {
    const doc = newBoard();
    put(doc, "ben", T0 + 3 * MINUTE, "Ben acted", "action", "b1");
    put(doc, "timeline", T0 + MINUTE, "Alert fired", "event", "t1");
    put(doc, "ana", T0 + 2 * MINUTE, "Ana saw it", "observation", "a1");
    put(doc, "ana", T0, "Ana deployed", "action", "a0");
    const report = buildReport(doc, null);
    expect(report.cards.map((card) => card.id)).toEqual(["a0", "t1", "a1", "b1"]);
    expect(report.cards.map((card) => card.lane.name)).toEqual(["Ana", "Timeline", "Ana", "Ben"]);
  });

  it("groups cards of the same minute, shared facts apart from perspectives", () => {
    const doc = newBoard();
    put(doc, "timeline", T0 + 5_000, "Deploy", "event", "fact");
    put(doc, "ana", T0 + 59_000, "Saw errors", "observation", "ana");
    put(doc, "ben", T0 + 1_000, "Expected none", "belief", "ben");
    put(doc, "ben", T0 + MINUTE, "Rolled back", "action", "later");
    const { timeline } = buildReport(doc, null);
    expect(timeline).toHaveLength(2);
    expect(timeline[0]).toMatchObject({
      factIds: ["fact"],
      perspectiveIds: ["ben", "ana"],
      dateChanged: true,
      offsetChanged: false,
    });
    expect(timeline[0]?.minute.time).toBe("14:00");
    expect(timeline[1]).toMatchObject({ factIds: [], perspectiveIds: ["later"] });
  });

  it("sorts contributing factors by votes, ties in incident-time order", () => {
    const doc = newBoard();
    const few = put(doc, "ana", T0, "Alerts were noisy", "factor");
    const many = put(doc, "ben", T0 + MINUTE, "Deploys were unguarded", "factor");
    const tie = put(doc, "timeline", T0 + 2 * MINUTE, "Runbook was old", "factor");
    put(doc, "ana", T0, "Not a factor", "observation");
    vote(doc, { cardId: few, participantId: "ana", delta: 1 });
    vote(doc, { cardId: many, participantId: "ana", delta: 2 });
    vote(doc, { cardId: many, participantId: "ben", delta: 3 });
    vote(doc, { cardId: tie, participantId: "ben", delta: 1 });
    const report = buildReport(doc, null);
    expect(report.factorIds).toEqual([many, few, tie]);
    expect(report.cards.find((card) => card.id === many)?.votes).toBe(5);
  });

  it("lists what helped by the “Helped:” rule, and keeps those cards out of the factors", () => {
    expect(isHelpedText("Helped: the runbook")).toBe(true);
    expect(isHelpedText("  helped : pairing")).toBe(true);
    expect(isHelpedText("It helped that Ana was around")).toBe(false);
    expect(isHelpedText("Helpedness")).toBe(false);
    const doc = newBoard();
    const helped = put(doc, "ana", T0, "HELPED: the feature flag", "factor");
    const also = put(doc, "timeline", T0 + MINUTE, "Helped: status page template", "event");
    const factor = put(doc, "ben", T0, "Nobody owned the cron job", "factor");
    const report = buildReport(doc, null);
    expect(report.helpedIds).toEqual([helped, also]);
    expect(report.factorIds).toEqual([factor]);
  });

  it("counts who marked a card new to them, most marks first, naming those with a lane", () => {
    const doc = newBoard();
    const one = put(doc, "timeline", T0, "Cache was cold");
    const two = put(doc, "ben", T0 + MINUTE, "Failover is manual");
    markNewToMe(doc, { cardId: one, participantId: "ana", value: true });
    markNewToMe(doc, { cardId: two, participantId: "ana", value: true });
    markNewToMe(doc, { cardId: two, participantId: "facilitator1", value: true });
    const report = buildReport(doc, null);
    expect(report.newToSomeoneIds).toEqual([two, one]);
    expect(report.cards.find((card) => card.id === two)?.newTo).toEqual({
      count: 2,
      names: ["Ana"],
    });
  });

  it("names participants in lane order, marks granted facilitators, and counts their cards", () => {
    const doc = newBoard({}, ["ana", "ben", "cy"]);
    put(doc, "ben", T0, "One");
    put(doc, "ben", T0, "Two");
    const meeting = meetingDoc([]);
    grantFacilitator(meeting, "cy");
    const report = buildReport(doc, meeting);
    expect(report.participants.map((p) => [p.name, p.facilitator, p.cardCount])).toEqual([
      ["Ana", false, 0],
      ["Ben", false, 2],
      ["Cy", true, 0],
    ]);
    expect(report.perspectives.map((p) => p.cardIds.length)).toEqual([0, 2, 0]);
  });

  it("lets only a well-formed hex colour through", () => {
    const doc = newBoard();
    setLaneColor(doc, "p-ana", "#AABBCC");
    // A foreign client can store anything; the commands would refuse this value.
    const lanes = doc.getMap("lanes");
    (lanes.get("p-ben") as Y.Map<unknown>).set("color", "red;background:url(//evil)");
    const [ana, ben] = buildReport(doc, null).participants;
    expect(ana?.color).toBe("#aabbcc");
    expect(ben?.color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("shows a card whose lane was removed concurrently on the timeline", () => {
    const a = newBoard();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const orphan = put(a, "ben", T0, "Written while the lane went away");
    removeLane(b, "p-ben");
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    const report = buildReport(a, null);
    expect(report.cards.find((card) => card.id === orphan)?.lane).toEqual({
      id: "timeline",
      kind: "timeline",
      name: "Timeline",
    });
    expect(report.timeline[0]?.factIds).toEqual([orphan]);
  });

  it("reads an unknown time zone as UTC rather than failing", () => {
    const doc = newBoard({ timezone: "Europe/Berlin" });
    // As a foreign client might store it; the commands refuse unknown zones.
    doc.getMap("board").set("timezone", "Mars/Olympus");
    put(doc, "ana", T0, "Still renders");
    const report = buildReport(doc, null);
    expect(report.timezone).toBe("UTC");
    expect(report.cards[0]?.time.offset).toBe("+00:00");
  });

  it("carries improvements with owner, due date, status and existing linked cards", () => {
    const doc = newBoard();
    const card = put(doc, "ana", T0, "No canary");
    addImprovement(doc, {
      id: "imp",
      title: "Add a canary",
      owner: "Ana",
      due: "2026-12-01",
      cardIds: [card],
    });
    expect(buildReport(doc, null).improvements).toEqual([
      {
        id: "imp",
        title: "Add a canary",
        owner: "Ana",
        due: "2026-12-01",
        status: "open",
        cardIds: [card],
      },
    ]);
  });

  it("compares each phase's plan with how it ran, and lists phases never held", () => {
    const start = Date.parse("2026-11-09T09:00:00Z");
    const meeting = meetingDoc([
      [{ type: "start" }, start],
      [{ type: "next" }, start + 7 * MINUTE],
      [{ type: "goto", phaseId: "close" }, start + 20 * MINUTE],
    ]);
    const section = buildReport(newBoard(), meeting).meeting;
    expect(section?.status).toBe("running");
    expect(section?.runs.map((run) => [run.phaseId, run.plannedMs, run.actualMs])).toEqual([
      ["stage", 5 * MINUTE, 7 * MINUTE],
      ["timeline", 10 * MINUTE, 13 * MINUTE],
      ["close", 10 * MINUTE, null],
    ]);
    expect(section?.skipped.map((phase) => phase.phaseId)).toEqual([
      "perspectives",
      "walkthrough",
      "factors",
    ]);
    expect(section?.plannedMs).toBe(60 * MINUTE);
    expect(section?.actualMs).toBe(20 * MINUTE);
  });

  it("has a meeting section with no runs while the meeting waits in the lobby", () => {
    expect(buildReport(newBoard(), meetingDoc([])).meeting).toMatchObject({
      status: "lobby",
      runs: [],
    });
  });

  it("reviews the language of cards, notes and improvements, and can leave the review out", () => {
    const doc = newBoard();
    const card = put(doc, "ben", T0, "Ana should have checked the dashboard.");
    plainTextToFragment("Summary: the root cause was the deploy.", getNotesFragment(doc));
    addImprovement(doc, { id: "imp", title: "Stop careless deploys" });
    const review = buildReport(doc, null).languageReview;
    expect(review?.count).toBe(3);
    expect(review?.findings.map((f) => f.source)).toEqual([
      { type: "card", cardId: card },
      { type: "notes" },
      { type: "improvement", improvementId: "imp" },
    ]);
    const first = review?.findings[0];
    expect(first?.phrase).toBe("should have");
    expect(first?.excerpt).toContain("should have");
    expect(first && "Ana should have checked the dashboard.".slice(first.start, first.end)).toBe(
      "should have",
    );
    expect(review?.phrases.map((p) => p.count)).toEqual([1, 1, 1]);
    expect(buildReport(doc, null, { languageReview: false }).languageReview).toBeNull();
  });
});
