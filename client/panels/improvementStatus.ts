import type { ImprovementStatus } from "../../shared/board";

/** How each status reads; shown as text, so colour is never the only cue. */
export const STATUS_LABELS: Readonly<Record<ImprovementStatus, string>> = {
  open: "Open",
  "in-progress": "In progress",
  done: "Done",
  "wont-do": "Won’t do",
};

/** Formats an ISO date ("2026-11-30") for people, without shifting it through a time zone. */
export function formatDueDate(iso: string): string {
  const at = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(at)) return iso;
  return new Date(at).toLocaleDateString(undefined, {
    timeZone: "UTC",
    day: "numeric",
    month: "short",
    year: "numeric",
  });
}

/** True when an unfinished item's due date has passed (local calendar day). */
export function isOverdue(
  due: string | null,
  status: ImprovementStatus,
  now = new Date(),
): boolean {
  if (!due || status === "done" || status === "wont-do") return false;
  const today = [
    now.getFullYear(),
    String(now.getMonth() + 1).padStart(2, "0"),
    String(now.getDate()).padStart(2, "0"),
  ].join("-");
  return due < today;
}
