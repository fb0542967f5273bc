/**
 * One phase as it actually ran. `plannedMs` is the script's plan, not including extensions, so
 * comparing it with `endedAt − startedAt` shows honestly how far the meeting strayed from its
 * plan. Actual time is wall-clock time in the phase, pauses included.
 */
export interface HistoryEntry {
  phaseId: string;
  plannedMs: number;
  /** Server epoch ms the phase was entered. */
  startedAt: number;
  /** Server epoch ms it was left; null while it is the current phase. */
  endedAt: number | null;
}

/** A change to the phase history: open a new entry, or close the open one. */
export type HistoryChange =
  | { type: "open"; entry: HistoryEntry }
  | { type: "close"; endedAt: number };

/** Returns `history` with `changes` applied: the plain-data twin of `applyHistoryChanges`. */
export function applyHistory(
  history: readonly HistoryEntry[],
  changes: readonly HistoryChange[],
): HistoryEntry[] {
  const out = [...history];
  for (const change of changes) {
    if (change.type === "open") {
      out.push(change.entry);
      continue;
    }
    const open = out.findLastIndex((entry) => entry.endedAt === null);
    const entry = out[open];
    // Closing with nothing open is a no-op, so replaying a change after a crash is harmless.
    if (entry) out[open] = { ...entry, endedAt: change.endedAt };
  }
  return out;
}
