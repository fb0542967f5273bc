import type { z } from "zod";

/** One refused field of a script: where it is and what is wrong with it. */
export interface ScriptProblem {
  /** Dotted field path, e.g. "phases.2.prompts.0.at"; "input" for the script as a whole. */
  path: string;
  message: string;
}

/** Thrown by `parseScript`; the message lists each bad field as `path: problem`. */
export class ScriptError extends Error {
  readonly problems: ScriptProblem[];

  constructor(problems: ScriptProblem[]) {
    super(problems.map((problem) => `${problem.path}: ${problem.message}`).join("; "));
    this.name = "ScriptError";
    this.problems = problems;
  }
}

/** Turns zod issues into problems with dotted paths, the way every edge in Debrief names fields. */
export function toProblems(issues: readonly z.core.$ZodIssue[]): ScriptProblem[] {
  return issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join(".") : "input",
    message: issue.message,
  }));
}

/**
 * Why a meeting action was refused, so the server can map it to an HTTP status without parsing
 * text: a malformed action (400), an unknown phase (404), or an action the meeting's current
 * state does not allow (409).
 */
export type MeetingActionErrorCode = "invalid-input" | "not-found" | "conflict";

/** Thrown by `applyMeetingAction` when an action is malformed or not allowed right now. */
export class MeetingActionError extends Error {
  readonly code: MeetingActionErrorCode;

  constructor(code: MeetingActionErrorCode, message: string) {
    super(message);
    this.name = "MeetingActionError";
    this.code = code;
  }
}
