import { ApiError, kindForStatus } from "./ApiError";
import { ErrorBodySchema } from "./apiSchemas";
import { boardPath } from "./requestJson";

export const REPORT_FORMATS = ["md", "html", "json"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The report, and the filename the server suggested (absent when it sent none). */
export type ReportFile = { blob: Blob; filename: string | undefined };

/** The filename from `Content-Disposition` (plain or RFC 5987 `filename*=`), if any. */
export function filenameFromDisposition(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim() || undefined;
}

/**
 * Fetches the board's post-mortem report in `format` with the session's bearer token.
 * Throws ApiError; kind "not-found" without a server message means this server has no
 * report endpoint yet (the route answers a bare 404), so the UI can say so kindly.
 */
export async function fetchReport(
  boardId: string,
  token: string,
  format: ReportFormat,
): Promise<ReportFile> {
  let response: Response;
  try {
    response = await fetch(`${boardPath(boardId)}/report?format=${encodeURIComponent(format)}`, {
      headers: { Authorization: `Bearer ${token}` },
      credentials: "omit",
    });
  } catch {
    throw new ApiError("network", "Can't reach the Debrief server.");
  }
  if (!response.ok) {
    const body = await response.json().catch(() => undefined);
    const parsed = ErrorBodySchema.safeParse(body);
    throw new ApiError(kindForStatus(response.status), parsed.success ? parsed.data.error : "");
  }
  const blob = await response.blob();
  return { blob, filename: filenameFromDisposition(response.headers.get("Content-Disposition")) };
}
