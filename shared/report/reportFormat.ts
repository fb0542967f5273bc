import { renderHtml } from "./renderHtml";
import { renderJson } from "./renderJson";
import { renderMarkdown } from "./renderMarkdown";
import type { Report } from "./reportTypes";

/** The export formats, as they appear in `?format=` and `--format`. */
export const REPORT_FORMATS = ["md", "html", "json"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const MEDIA_TYPES: Record<ReportFormat, string> = {
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
  json: "application/json",
};

/** The Content-Type of a rendered report. */
export function reportMediaType(format: ReportFormat): string {
  return MEDIA_TYPES[format];
}

/** Renders the report in one of the export formats. */
export function renderReport(report: Report, format: ReportFormat): string {
  if (format === "md") return renderMarkdown(report);
  if (format === "html") return renderHtml(report);
  return renderJson(report);
}

// Long enough to recognise the incident, short enough for every file system and download bar.
const MAX_SLUG_CHARS = 60;

function slug(text: string, pattern: RegExp): string {
  const words = text
    .toLowerCase()
    .replace(pattern, "-")
    .replace(/^-+|-+$/g, "");
  return Array.from(words).slice(0, MAX_SLUG_CHARS).join("").replace(/-+$/, "");
}

/**
 * File names for a report download: `ascii` for the plain `filename` parameter (accents
 * stripped, other characters dropped) and `unicode` for RFC 5987's `filename*`, which keeps
 * letters of any script. Both are "<slug>-postmortem.<ext>".
 */
export function reportFileName(
  title: string,
  format: ReportFormat,
): { ascii: string; unicode: string } {
  const folded = title.normalize("NFKD").replace(/\p{M}/gu, "");
  const ascii = slug(folded, /[^a-z0-9]+/g) || "incident";
  const unicode = slug(title.normalize("NFC"), /[^\p{L}\p{N}]+/gu) || ascii;
  return { ascii: `${ascii}-postmortem.${format}`, unicode: `${unicode}-postmortem.${format}` };
}
