import * as Y from "yjs";
import { compareStrings, mapField } from "./fields";
import { TIMELINE_LANE_ID } from "./ids";
import { CARD_KEY, LANE_KEY } from "./keys";
import { getRoots } from "./roots";
import { CARD_KINDS, LANE_KINDS, LIMITS } from "./schema";

// Y.Map iteration order differs between peers; sorting makes every peer report the same list.
function sortedEntries(map: Y.Map<unknown>): Array<[string, unknown]> {
  return [...map.entries()].sort(([a], [b]) => compareStrings(a, b));
}

function checkLanes(lanes: Y.Map<unknown>, problems: string[]): void {
  const timelines: string[] = [];
  for (const [id, lane] of sortedEntries(lanes)) {
    if (!(lane instanceof Y.Map)) {
      problems.push(`lane "${id}": is not a map`);
      continue;
    }
    const kind = lane.get(LANE_KEY.kind);
    if (!(LANE_KINDS as readonly unknown[]).includes(kind)) {
      problems.push(`lane "${id}": kind ${JSON.stringify(kind)} is not a lane kind`);
    }
    if (kind === "timeline") timelines.push(id);
  }
  if (timelines.length !== 1 || timelines[0] !== TIMELINE_LANE_ID) {
    problems.push(
      `expected exactly one timeline lane "${TIMELINE_LANE_ID}", found [${timelines.join(", ")}]`,
    );
  }
}

function checkCard(id: string, card: Y.Map<unknown>, lanes: Y.Map<unknown>, problems: string[]) {
  const laneId = card.get(CARD_KEY.laneId);
  if (typeof laneId !== "string" || !(lanes.get(laneId) instanceof Y.Map)) {
    problems.push(`card "${id}": lane ${JSON.stringify(laneId)} does not exist`);
  }
  const kind = card.get(CARD_KEY.kind);
  if (!(CARD_KINDS as readonly unknown[]).includes(kind)) {
    problems.push(`card "${id}": kind ${JSON.stringify(kind)} is not a card kind`);
  }
  const at = card.get(CARD_KEY.at);
  if (!Number.isSafeInteger(at) || (at as number) < 0) {
    problems.push(`card "${id}": at ${JSON.stringify(at)} is not a non-negative integer`);
  }
  if (typeof card.get(CARD_KEY.rank) !== "string") problems.push(`card "${id}": rank is missing`);
  if (!(card.get(CARD_KEY.text) instanceof Y.XmlFragment)) {
    problems.push(`card "${id}": text is not a rich-text fragment`);
  }
  mapField(card, CARD_KEY.votes)?.forEach((count, participantId) => {
    if (!Number.isInteger(count) || (count as number) < 0) {
      problems.push(`card "${id}": vote of "${participantId}" is not a non-negative integer`);
    } else if ((count as number) > LIMITS.votesPerParticipant) {
      problems.push(
        `card "${id}": vote of "${participantId}" exceeds ${LIMITS.votesPerParticipant}`,
      );
    }
  });
}

/**
 * Returns human-readable violations of the board's invariants (empty when healthy). Concurrent
 * edits can legitimately break some, e.g. a lane removed while a peer added a card to it; readers
 * tolerate all of them, so this is for tests, diagnostics and repair tools.
 */
export function checkInvariants(doc: Y.Doc): string[] {
  const { lanes, cards } = getRoots(doc);
  const problems: string[] = [];
  checkLanes(lanes, problems);
  for (const [id, card] of sortedEntries(cards)) {
    if (card instanceof Y.Map) checkCard(id, card as Y.Map<unknown>, lanes, problems);
    else problems.push(`card "${id}": is not a map`);
  }
  return problems;
}
