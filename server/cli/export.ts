import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import * as Y from "yjs";
import { buildReport, REPORT_FORMATS, type ReportFormat, renderReport } from "../../shared/report";
import { meetingRoom } from "../meeting/rooms";
import { createSqliteStorage } from "../storage/sqliteStorage";
import type { Storage } from "../storage/storage";

// `npm run export -- <boardId> --format md [--out file] [--data-dir ./data]`: renders a report
// straight from the local SQLite store, with no server running (or beside a running one: WAL
// lets a reader in while the server writes).

const USAGE = `Usage: npm run export -- <boardId> [--format ${REPORT_FORMATS.join("|")}] [--out <file>] [--data-dir <dir>]

Writes the board's post-mortem report to stdout, or to --out.
  --format    md (default), html or json
  --out       file to write instead of stdout
  --data-dir  the server's DATA_DIR (default: $DATA_DIR or ./data)`;

/** Exit codes: 0 done, 1 the export failed (unknown board, no data, unwritable file), 2 bad arguments. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export interface ExportIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
}

class UsageError extends Error {}

const OPTIONS = {
  format: { type: "string", short: "f" },
  out: { type: "string", short: "o" },
  "data-dir": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

function readArgs(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function parse(argv: string[], env: ExportIo["env"]) {
  const { values, positionals } = readArgs(argv);
  if (values.help) return null;
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0 ? "missing <boardId>" : "give exactly one <boardId>",
    );
  }
  const format = values.format ?? "md";
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(", ")}, got "${format}"`);
  }
  return {
    boardId: positionals[0] as string,
    format: format as ReportFormat,
    out: values.out,
    // An empty DATA_DIR counts as unset, as in the server's config.
    dataDir: path.resolve(values["data-dir"] || env.DATA_DIR || "./data"),
  };
}

async function loadDoc(storage: Storage, room: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const update of (await storage.load(room)).updates) Y.applyUpdate(doc, update);
  return doc;
}

/** Runs the export with `argv` (the arguments after the script name) and returns the exit code. */
export async function runExport(argv: string[], io: ExportIo): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv, io.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`export: ${error.message}\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (args === null) {
    io.stdout(`${USAGE}\n`);
    return EXIT.ok;
  }
  // createSqliteStorage would create an empty store in a mistyped directory; refuse instead.
  if (!fs.existsSync(path.join(args.dataDir, "debrief.sqlite"))) {
    io.stderr(
      `export: no Debrief data in ${args.dataDir} (set --data-dir to the server's DATA_DIR)\n`,
    );
    return EXIT.failed;
  }
  const storage = createSqliteStorage(args.dataDir);
  try {
    if (!(await storage.getBoard(args.boardId))) {
      io.stderr(`export: no board "${args.boardId}" in ${args.dataDir}\n`);
      return EXIT.failed;
    }
    const board = await loadDoc(storage, args.boardId);
    const meeting = await loadDoc(storage, meetingRoom(args.boardId));
    const body = renderReport(buildReport(board, meeting), args.format);
    if (args.out === undefined) io.stdout(body);
    else {
      fs.writeFileSync(args.out, body);
      io.stderr(`export: wrote ${path.resolve(args.out)}\n`);
    }
    return EXIT.ok;
  } catch (error) {
    io.stderr(`export: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failed;
  } finally {
    await storage.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runExport(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}
