import type { Context, Hono } from "hono";
import { z } from "zod";
import { LIMITS, readInfo } from "../../shared/board";
import {
  applyTimelineRows,
  IMPORT_FORMATS,
  IMPORT_LIMITS,
  ImportError,
  type ImportResult,
  parseTimeline,
} from "../../shared/import";
import type { TokenSigner } from "../auth/tokens";
import type { Logger } from "../ops/log";
import { DocumentTooLargeError } from "../sync/room";
import type { RoomManager } from "../sync/roomManager";
import { HttpError, readBody } from "./http";
import { requireBoardSession } from "./session";

type ImportRouteDeps = { rooms: RoomManager; tokens: TokenSigner; log: Logger };

/** The path of the import route, for the body limit that lets it carry a whole file. */
export const TIMELINE_IMPORT_PATH = /^\/api\/boards\/[^/]+\/timeline\/import$/;

/**
 * Request body limit of the import route: twice the content limit, because JSON escaping (`\n`,
 * `\"`) can double a CSV or log on the wire. The content's own limit (measured after parsing the
 * JSON) is the one users meet, with a message that says so.
 */
export const IMPORT_BODY_BYTES = 2 * IMPORT_LIMITS.contentBytes;

// No length limit on `content` here: the parser measures it in bytes and answers 413, not 400.
const ImportBody = z.strictObject({
  format: z.enum([...IMPORT_FORMATS, "auto"]).default("auto"),
  content: z.string(),
  // Room for the ": <author>" a Slack import appends is made by cutting the author, not this.
  source: z.string().trim().min(1, "must not be empty").max(LIMITS.sourceLength).optional(),
});

function refusal(c: Context, error: ImportError) {
  return c.json({ error: error.message, problems: error.problems }, error.tooLarge ? 413 : 400);
}

/** `POST /api/boards/:id/timeline/import`: facts from CSV, a Slack export or log lines. */
export function mountImportRoutes(app: Hono, deps: ImportRouteDeps): void {
  app.post("/api/boards/:id/timeline/import", async (c) => {
    // Who is asking comes before reading a body of up to 4 MiB.
    const session = requireBoardSession(c, deps.tokens);
    if (session.role === "observer") throw new HttpError(403, "observers cannot import a timeline");
    const body = await readBody(c, ImportBody);

    let result: (ImportResult & { format: string }) | undefined;
    try {
      // Parsing inside the change reads the board's time zone from the very state the cards are
      // added to, and a refusal throws before anything is written: all rows or none.
      await deps.rooms.change(session.boardId, (doc) => {
        const info = readInfo(doc);
        const reference = info.incidentStart ? Date.parse(info.incidentStart) : Date.now();
        const { format, rows } = parseTimeline({
          format: body.format,
          content: body.content,
          source: body.source,
          timeZone: info.timezone,
          reference,
        });
        const applied = applyTimelineRows(doc, {
          boardId: session.boardId,
          authorId: session.participantId,
          rows,
        });
        result = { format, ...applied };
      });
    } catch (error) {
      if (error instanceof ImportError) return refusal(c, error);
      if (error instanceof DocumentTooLargeError) {
        throw new HttpError(413, "the board is at its size limit; the import was not applied");
      }
      throw error;
    }
    if (!result) throw new Error("import change did not run");
    deps.log.info("timeline.imported", {
      board: session.boardId,
      format: result.format,
      imported: result.imported,
      skipped: result.skipped,
    });
    return c.json(result);
  });
}
