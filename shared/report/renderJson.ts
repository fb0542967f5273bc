import type { Report } from "./reportTypes";

/** Renders the report model as the JSON export: the model itself, indented, newline-terminated. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
