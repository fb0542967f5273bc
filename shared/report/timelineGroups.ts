import type { ReportCard, TimelineGroup } from "./reportTypes";
import { toInstant } from "./zonedTime";

const MINUTE = 60_000;

/**
 * Groups cards (already in incident-time order) by the minute they fall in, shared facts apart
 * from perspectives. Minutes are cut in UTC, which is the same cut in every zone whose offset is
 * whole minutes, i.e. every zone in use since the 1970s.
 */
export function groupByMinute(cards: readonly ReportCard[], timeZone: string): TimelineGroup[] {
  const groups: TimelineGroup[] = [];
  let current: TimelineGroup | undefined;
  let currentMinute = Number.NaN;
  for (const card of cards) {
    const minute = Math.floor(card.time.at / MINUTE);
    if (!current || minute !== currentMinute) {
      const instant = toInstant(minute * MINUTE, timeZone);
      const previous = current?.minute;
      current = {
        minute: instant,
        dateChanged: previous === undefined || previous.date !== instant.date,
        offsetChanged: previous !== undefined && previous.offset !== instant.offset,
        factIds: [],
        perspectiveIds: [],
      };
      currentMinute = minute;
      groups.push(current);
    }
    (card.lane.kind === "timeline" ? current.factIds : current.perspectiveIds).push(card.id);
  }
  return groups;
}
