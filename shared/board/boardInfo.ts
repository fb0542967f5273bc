import * as Y from "yjs";
import { conflict, invalidField, parseInput } from "./errors";
import { TIMELINE_LANE_ID } from "./ids";
import { BOARD_KEY, LANE_KEY } from "./keys";
import { TIMELINE_COLOR } from "./palette";
import { readInfo } from "./readers";
import { getRoots } from "./roots";
import {
  type CreateBoardInput,
  createBoardInputSchema,
  endNotBeforeStart,
  type UpdateBoardInfoInput,
  updateBoardInfoInputSchema,
} from "./schema";

/** True once `createBoard` has run on this document (or on a peer whose update it received). */
export function isBoardCreated(doc: Y.Doc): boolean {
  const { board, lanes } = getRoots(doc);
  return board.has(BOARD_KEY.createdAt) || lanes.has(TIMELINE_LANE_ID);
}

/**
 * Sets the board info and creates the single timeline lane. Throws a "conflict" error when the
 * board already exists, so a retried create cannot silently overwrite a title; concurrent creates
 * on two documents still converge to one timeline lane because its id is fixed.
 */
export function createBoard(doc: Y.Doc, input: CreateBoardInput, origin?: unknown): void {
  const info = parseInput("createBoard", createBoardInputSchema, input);
  doc.transact(() => {
    if (isBoardCreated(doc)) conflict("createBoard", "the board already exists");
    const { board, lanes } = getRoots(doc);
    board.set(BOARD_KEY.title, info.title);
    if (info.incidentStart) board.set(BOARD_KEY.incidentStart, info.incidentStart);
    if (info.incidentEnd) board.set(BOARD_KEY.incidentEnd, info.incidentEnd);
    board.set(BOARD_KEY.timezone, info.timezone);
    board.set(BOARD_KEY.createdAt, info.createdAt ?? Date.now());
    const timeline = new Y.Map<unknown>();
    lanes.set(TIMELINE_LANE_ID, timeline);
    timeline.set(LANE_KEY.kind, "timeline");
    timeline.set(LANE_KEY.name, "Timeline");
    timeline.set(LANE_KEY.color, TIMELINE_COLOR);
    timeline.set(LANE_KEY.order, 0);
  }, origin);
}

/** Updates the given board info fields; null clears an incident time. Throws before `createBoard`. */
export function updateBoardInfo(doc: Y.Doc, input: UpdateBoardInfoInput, origin?: unknown): void {
  const patch = parseInput("updateBoardInfo", updateBoardInfoInputSchema, input);
  doc.transact(() => {
    if (!isBoardCreated(doc)) conflict("updateBoardInfo", "the board has not been created");
    const { board } = getRoots(doc);
    const stored = readInfo(doc);
    const incidentStart =
      patch.incidentStart === undefined ? stored.incidentStart : patch.incidentStart;
    const incidentEnd = patch.incidentEnd === undefined ? stored.incidentEnd : patch.incidentEnd;
    if (!endNotBeforeStart({ incidentStart, incidentEnd })) {
      invalidField("updateBoardInfo", "incidentEnd", "must not be before incidentStart");
    }
    if (patch.title !== undefined) board.set(BOARD_KEY.title, patch.title);
    if (patch.timezone !== undefined) board.set(BOARD_KEY.timezone, patch.timezone);
    setOrClear(board, BOARD_KEY.incidentStart, patch.incidentStart);
    setOrClear(board, BOARD_KEY.incidentEnd, patch.incidentEnd);
  }, origin);
}

function setOrClear(map: Y.Map<unknown>, key: string, value: string | null | undefined): void {
  if (value === null) map.delete(key);
  else if (value !== undefined) map.set(key, value);
}
