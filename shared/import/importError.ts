import { IMPORT_LIMITS } from "./importLimits";

/** One reason an import was refused; `line` is 1-based as the user sees the file, when known. */
export type ImportProblem = { line: number | null; reason: string };

/**
 * Thrown when an import is refused as a whole. `tooLarge` marks refusals for size (the HTTP edge
 * answers 413), everything else is a bad input (400). The message lists the problems.
 */
export class ImportError extends Error {
  override name = "ImportError";

  constructor(
    readonly problems: ImportProblem[],
    readonly tooLarge = false,
    /** Problems found beyond those listed. */
    readonly more = 0,
  ) {
    super(describeProblems(problems, more));
  }
}

function describeProblems(problems: ImportProblem[], more: number): string {
  const listed = problems.map(({ line, reason }) =>
    line === null ? reason : `line ${line}: ${reason}`,
  );
  if (more > 0) listed.push(`and ${more} more ${more === 1 ? "problem" : "problems"}`);
  return listed.join("; ");
}

/**
 * Collects row problems so one refusal can name several bad lines instead of making the user fix
 * them one request at a time.
 */
export class ProblemList {
  private readonly problems: ImportProblem[] = [];
  private more = 0;

  add(line: number | null, reason: string): void {
    if (this.problems.length < IMPORT_LIMITS.reportedProblems) this.problems.push({ line, reason });
    else this.more++;
  }

  get count(): number {
    return this.problems.length + this.more;
  }

  /** Throws an ImportError listing the problems, if there are any. */
  throwIfAny(): void {
    if (this.count > 0) throw new ImportError(this.problems, false, this.more);
  }
}

/** Throws the refusal for an import with more rows than one import may create. */
export function tooManyRows(): never {
  throw new ImportError(
    [
      {
        line: null,
        reason: `too many rows: one import takes at most ${IMPORT_LIMITS.rows.toLocaleString("en")}; split the file`,
      },
    ],
    true,
  );
}
