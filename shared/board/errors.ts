import { z } from "zod";
import { idSchema } from "./schema";

/** Why a command refused: lets the server map refusals to HTTP statuses without parsing text. */
export type BoardErrorCode = "invalid-input" | "not-found" | "conflict";

/** Thrown by every board command that refuses; the message names the command and the field. */
export class BoardCommandError extends Error {
  readonly code: BoardErrorCode;

  constructor(code: BoardErrorCode, message: string) {
    super(message);
    this.name = "BoardCommandError";
    this.code = code;
  }
}

/** Parses untrusted `input` or throws an "invalid-input" error naming each bad field. */
export function parseInput<S extends z.ZodType>(command: string, schema: S, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) return result.data as z.output<S>;
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join(".") : "input";
    return `${field}: ${issue.message}`;
  });
  throw new BoardCommandError("invalid-input", `${command}: ${problems.join("; ")}`);
}

/** Throws a "not-found" error for an unknown id. */
export function notFound(command: string, what: string, id: string): never {
  throw new BoardCommandError("not-found", `${command}: unknown ${what} "${id}"`);
}

/** Throws a "conflict" error: the input is valid but the board's current state forbids it. */
export function conflict(command: string, message: string): never {
  throw new BoardCommandError("conflict", `${command}: ${message}`);
}

/** Throws an "invalid-input" error for one field whose problem only the board's state reveals. */
export function invalidField(command: string, field: string, message: string): never {
  throw new BoardCommandError("invalid-input", `${command}: ${field}: ${message}`);
}

/** Parses one untrusted id argument, naming it `field` in the error. */
export function parseId(command: string, field: string, value: unknown): string {
  const parsed = parseInput(command, z.object({ [field]: idSchema }), { [field]: value });
  return parsed[field] as string;
}
