import { type Phase, parseScript, type Script, scriptTotalMs } from "./script";
import { BLAMELESS_30 } from "./scripts/blameless30";
import { BLAMELESS_60 } from "./scripts/blameless60";

/** One line of the script picker. */
export interface ScriptSummary {
  id: string;
  name: string;
  totalMs: number;
  phases: Pick<Phase, "id" | "title" | "durationMs">[];
}

export const DEFAULT_SCRIPT_ID = "blameless-60";

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

// Shipped scripts go through the same validation as uploaded ones, so a bad edit fails at import
// (and in the tests) rather than mid-meeting. Frozen because every meeting shares these objects.
const shipped = [BLAMELESS_60, BLAMELESS_30].map((script) => deepFreeze(parseScript(script)));

/** The shipped scripts by id, in picker order. */
export const SCRIPTS: Readonly<Record<string, Script>> = Object.freeze(
  Object.fromEntries(shipped.map((script) => [script.id, script])),
);

/** Returns the shipped script with this id, or undefined. */
export function getScript(id: string): Script | undefined {
  // hasOwn, so ids like "constructor" do not find Object.prototype members.
  return Object.hasOwn(SCRIPTS, id) ? SCRIPTS[id] : undefined;
}

/** Summaries of the shipped scripts, in picker order (the default first). */
export function listScripts(): ScriptSummary[] {
  return shipped.map((script) => ({
    id: script.id,
    name: script.name,
    totalMs: scriptTotalMs(script),
    phases: script.phases.map(({ id, title, durationMs }) => ({ id, title, durationMs })),
  }));
}
