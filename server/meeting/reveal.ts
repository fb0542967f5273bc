import { clearDrafts, copyDraftsIntoBoard, readDraftCards, readLanes } from "../../shared/board";
import type { Logger } from "../ops/log";
import type { RoomManager } from "../sync/roomManager";
import { draftsRoom } from "./rooms";

/**
 * Moves every participant's drafts onto their lane in the board, online or not. Per
 * participant: the board change is stored first, then the drafts are cleared. Card ids are
 * kept and existing ids are skipped, so a reveal cut short by a crash and run again places each
 * draft exactly once. Drafts written while the reveal runs stay for the next one.
 */
export async function revealDrafts(
  boardId: string,
  deps: { rooms: RoomManager; log: Logger },
): Promise<number> {
  const board = await deps.rooms.open(boardId);
  let moved = 0;
  try {
    const participants = readLanes(board.doc)
      .map((lane) => lane.participantId)
      .filter((id): id is string => !!id);
    for (const participantId of participants) {
      const drafts = await deps.rooms.open(draftsRoom(boardId, participantId));
      try {
        const ids = readDraftCards(drafts.doc).map((card) => card.id);
        if (ids.length === 0) continue;
        await board.change((doc) => {
          copyDraftsIntoBoard(drafts.doc, doc, participantId);
        });
        await drafts.change((doc) => {
          clearDrafts(doc, ids);
        });
        moved += ids.length;
      } finally {
        deps.rooms.release(drafts);
      }
    }
  } finally {
    deps.rooms.release(board);
  }
  deps.log.info("meeting.revealed", { board: boardId, cards: moved });
  return moved;
}
