import type { MeetingSnapshot } from "../meeting";
import type { MeetingPhaseRun, ReportMeeting } from "./reportTypes";
import { toInstant } from "./zonedTime";

/** Phases planned against phases as they ran, from the meeting's history; null without a meeting. */
export function buildMeetingSection(
  meeting: MeetingSnapshot | null,
  timeZone: string,
): ReportMeeting | null {
  const state = meeting?.state;
  if (!meeting || !state) return null;
  const titles = new Map(state.phases.map((phase) => [phase.id, phase.title]));
  const runs: MeetingPhaseRun[] = meeting.history.map((entry) => ({
    phaseId: entry.phaseId,
    // A phase no longer in the script (a foreign writer) still shows, under its id.
    title: titles.get(entry.phaseId) ?? entry.phaseId,
    plannedMs: entry.plannedMs,
    actualMs: entry.endedAt === null ? null : Math.max(0, entry.endedAt - entry.startedAt),
    startedAt: toInstant(entry.startedAt, timeZone),
    endedAt: entry.endedAt === null ? null : toInstant(entry.endedAt, timeZone),
  }));
  const visited = new Set(runs.map((run) => run.phaseId));
  return {
    scriptId: state.scriptId,
    status: state.status,
    runs,
    skipped: state.phases
      .filter((phase) => !visited.has(phase.id))
      .map((phase) => ({ phaseId: phase.id, title: phase.title, plannedMs: phase.durationMs })),
    plannedMs: state.phases.reduce((sum, phase) => sum + phase.durationMs, 0),
    actualMs: runs.reduce((sum, run) => sum + (run.actualMs ?? 0), 0),
  };
}
