import * as Y from "yjs";
import { z } from "zod";
import { conflict, notFound, parseInput } from "./errors";
import { laneIdForParticipant, TIMELINE_LANE_ID } from "./ids";
import { CARD_KEY, LANE_KEY } from "./keys";
import { colorForParticipant } from "./palette";
import { childMap, getRoots } from "./roots";
import {
  type AddParticipantLaneInput,
  addParticipantLaneInputSchema,
  colorSchema,
  idSchema,
  laneNameSchema,
} from "./schema";

function nextLaneOrder(lanes: Y.Map<unknown>): number {
  let max = 0;
  lanes.forEach((lane) => {
    const order = lane instanceof Y.Map ? lane.get(LANE_KEY.order) : undefined;
    if (typeof order === "number" && Number.isFinite(order)) max = Math.max(max, order);
  });
  return max + 1;
}

/**
 * Adds the lane of a participant and returns its id (`laneIdForParticipant`). When the lane
 * exists already, only its name is updated, so joining twice or from two tabs yields one lane.
 */
export function addParticipantLane(
  doc: Y.Doc,
  input: AddParticipantLaneInput,
  origin?: unknown,
): string {
  const { participantId, name, color } = parseInput(
    "addParticipantLane",
    addParticipantLaneInputSchema,
    input,
  );
  const laneId = laneIdForParticipant(participantId);
  doc.transact(() => {
    const { lanes } = getRoots(doc);
    const existing = childMap(lanes, laneId);
    if (existing) {
      existing.set(LANE_KEY.name, name);
      return;
    }
    const lane = new Y.Map<unknown>();
    const order = nextLaneOrder(lanes);
    lanes.set(laneId, lane);
    lane.set(LANE_KEY.kind, "participant");
    lane.set(LANE_KEY.name, name);
    lane.set(LANE_KEY.color, color ?? colorForParticipant(participantId));
    lane.set(LANE_KEY.participantId, participantId);
    lane.set(LANE_KEY.order, order);
  }, origin);
  return laneId;
}

function requireLane(command: string, doc: Y.Doc, laneId: string): Y.Map<unknown> {
  return childMap(getRoots(doc).lanes, laneId) ?? notFound(command, "lane", laneId);
}

/** Renames a lane (the timeline lane included). */
export function renameLane(doc: Y.Doc, laneId: string, name: string, origin?: unknown): void {
  const input = parseInput("renameLane", z.object({ laneId: idSchema, name: laneNameSchema }), {
    laneId,
    name,
  });
  doc.transact(() => {
    requireLane("renameLane", doc, input.laneId).set(LANE_KEY.name, input.name);
  }, origin);
}

/** Sets a lane's colour (CSS hex "#rrggbb", stored lower-case). */
export function setLaneColor(doc: Y.Doc, laneId: string, color: string, origin?: unknown): void {
  const input = parseInput("setLaneColor", z.object({ laneId: idSchema, color: colorSchema }), {
    laneId,
    color,
  });
  doc.transact(() => {
    requireLane("setLaneColor", doc, input.laneId).set(LANE_KEY.color, input.color);
  }, origin);
}

/**
 * Removes an empty participant lane. Refuses the timeline lane and any lane that still holds
 * cards: deleting someone's perspective is never a side effect. Move or delete the cards first.
 */
export function removeLane(doc: Y.Doc, laneId: string, origin?: unknown): void {
  const input = parseInput("removeLane", z.object({ laneId: idSchema }), { laneId });
  doc.transact(() => {
    const { lanes, cards } = getRoots(doc);
    const lane = requireLane("removeLane", doc, input.laneId);
    if (input.laneId === TIMELINE_LANE_ID || lane.get(LANE_KEY.kind) === "timeline") {
      conflict("removeLane", "the timeline lane cannot be removed");
    }
    let cardCount = 0;
    cards.forEach((card) => {
      if (card instanceof Y.Map && card.get(CARD_KEY.laneId) === input.laneId) cardCount++;
    });
    if (cardCount > 0) {
      conflict("removeLane", `lane "${input.laneId}" still holds ${cardCount} card(s)`);
    }
    lanes.delete(input.laneId);
  }, origin);
}
