import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import * as Y from "yjs";
import { buildReport, REPORT_FORMATS, type ReportFormat, renderReport } from "../../shared/report";
import { meetingRoom } from "../meeting/rooms";
import { createPostgresStorage } from "../storage/postgresStorage";
import { createSqliteStorage } from "../storage/sqliteStorage";
import type { Storage } from "../storage/storage";

// `npm run export -- <boardId> --format md [--out file] [--data-dir ./data | --database-url …]`:
// renders a report straight from the store, with no server running (or beside a running one:
// SQLite's WAL lets a reader in while the server writes; PostgreSQL reads a snapshot).

const USAGE = `Usage: npm run export -- <boardId> [--format ${REPORT_FORMATS.join("|")}] [--out <file>] [--data-dir <dir> | --database-url <url>]

Writes the board's post-mortem report to stdout, or to --out. A board id that starts with
"-" goes last, after "--": npm run export -- --format md -- -Xy…
  --format        md (default), html or json
  --out           file to write instead of stdout
  --data-dir      the server's DATA_DIR, for SQLite (default: $DATA_DIR or ./data)
  --database-url  the servers' DATABASE_URL, for PostgreSQL (default: $DATABASE_URL)`;

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
  "database-url": { type: "string" },
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
    // An empty DATA_DIR or DATABASE_URL counts as unset, as in the server's config.
    dataDir: path.resolve(values["data-dir"] || env.DATA_DIR || "./data"),
    // --data-dir on the command line means SQLite even where DATABASE_URL is set.
    databaseUrl: values["data-dir"] ? undefined : values["database-url"] || env.DATABASE_URL,
  };
}

type Source = { storage: Storage; where: string } | { error: string };

/**
 * The store to read, or why there is none. Never creates one: opening SQLite in a mistyped
 * directory, or migrating a database that is not Debrief's, would leave an empty store behind.
 */
async function openStore(args: NonNullable<ReturnType<typeof parse>>): Promise<Source> {
  if (args.databaseUrl === undefined) {
    if (!fs.existsSync(path.join(args.dataDir, "debrief.sqlite"))) {
      return {
        error: `no Debrief data in ${args.dataDir} (set --data-dir to the server's DATA_DIR)`,
      };
    }
    return { storage: createSqliteStorage(args.dataDir), where: args.dataDir };
  }
  const where = describeDatabase(args.databaseUrl);
  const client = new pg.Client({ connectionString: args.databaseUrl });
  try {
    await client.connect();
    const found = await client.query("SELECT to_regclass('debrief_boards') IS NOT NULL AS ok");
    if (!found.rows[0]?.ok) return { error: `no Debrief data in ${where}` };
  } catch (error) {
    return { error: `cannot read ${where}: ${error instanceof Error ? error.message : error}` };
  } finally {
    await client.end().catch(() => {});
  }
  return { storage: await createPostgresStorage(args.databaseUrl), where };
}

/** The database a URL names, without its password: for messages. */
function describeDatabase(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname}`;
  } catch {
    return "the database (DATABASE_URL does not parse)";
  }
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
  const source = await openStore(args);
  if ("error" in source) {
    io.stderr(`export: ${source.error}\n`);
    return EXIT.failed;
  }
  const { storage, where } = source;
  try {
    if (!(await storage.getBoard(args.boardId))) {
      io.stderr(`export: no board "${args.boardId}" in ${where}\n`);
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
