import type { Hono } from "hono";
import {
  buildReport,
  REPORT_FORMATS,
  type ReportFormat,
  renderReport,
  reportFileName,
  reportMediaType,
} from "../../shared/report";
import type { TokenSigner } from "../auth/tokens";
import { meetingRoom } from "../meeting/rooms";
import type { RoomManager } from "../sync/roomManager";
import { HttpError } from "./http";
import { requireBoardSession } from "./session";

type ReportRouteDeps = { rooms: RoomManager; tokens: TokenSigner };

function parseFormat(value: string | undefined): ReportFormat {
  const format = value ?? "md";
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    throw new HttpError(400, `format must be one of ${REPORT_FORMATS.join(", ")}`);
  }
  return format as ReportFormat;
}

/**
 * `attachment; filename="…"; filename*=UTF-8''…`: the plain parameter for old clients, the
 * RFC 5987 one (only when it differs) for a title in any script.
 */
export function contentDisposition(title: string, format: ReportFormat): string {
  const { ascii, unicode } = reportFileName(title, format);
  const plain = `attachment; filename="${ascii}"`;
  if (unicode === ascii) return plain;
  const encoded = encodeURIComponent(unicode).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${plain}; filename*=UTF-8''${encoded}`;
}

/** `GET /api/boards/:id/report?format=md|html|json`: the post-mortem, for any role on the board. */
export function mountReportRoutes(app: Hono, deps: ReportRouteDeps): void {
  // Both rooms are opened through the room manager, so a report sees exactly what connected
  // clients see, and released after, so idle rooms still unload.
  const render = async (boardId: string, format: ReportFormat) => {
    const board = await deps.rooms.open(boardId);
    try {
      const meeting = await deps.rooms.open(meetingRoom(boardId));
      try {
        const report = buildReport(board.doc, meeting.doc);
        return { title: report.title, body: renderReport(report, format) };
      } finally {
        deps.rooms.release(meeting);
      }
    } finally {
      deps.rooms.release(board);
    }
  };

  app.get("/api/boards/:id/report", async (c) => {
    const session = requireBoardSession(c, deps.tokens);
    const format = parseFormat(c.req.query("format"));
    const { title, body } = await render(session.boardId, format);
    return c.body(body, 200, {
      "content-type": reportMediaType(format),
      "content-disposition": contentDisposition(title, format),
      // The report holds the board's content: no shared cache may keep it.
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    });
  });
}
