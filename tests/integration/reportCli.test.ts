import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportSchema } from "../../shared/report";
import { LIVE_CARD, LIVE_TITLE, type LiveBoard, seedLiveBoard } from "../fixtures/report/liveBoard";
import { type ServerHandle, startServer, tempDataDir } from "../support/serverProcess";
import { createTempDatabase, servicesAvailable } from "../support/services";

// The export CLI against a data directory a real server wrote and then left: no server runs.

const repoRoot = path.resolve(import.meta.dirname, "../..");

type Run = { code: number | null; stdout: string; stderr: string };

function run(command: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      env: { ...process.env, DATA_DIR: "", DATABASE_URL: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

const exportCli = (...args: string[]) =>
  run(process.execPath, ["--import", "tsx", "server/cli/export.ts", ...args]);

let server: ServerHandle;
let live: LiveBoard;

beforeAll(async () => {
  server = await startServer();
  live = await seedLiveBoard(server);
  expect(await server.stop()).toBe(0);
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

// Each case spawns fresh Node processes through tsx, which takes seconds on a loaded machine.
describe("npm run export", { timeout: 90_000 }, () => {
  it("prints the Markdown report of a board from the data directory", async () => {
    const result = await exportCli(live.board.id, "--data-dir", server.dataDir);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout.startsWith(`# ${LIVE_TITLE}\n`)).toBe(true);
    expect(result.stdout).toContain(`**Priya** saw: ${LIVE_CARD}`);
    expect(result.stdout).toContain("| Set the stage |");
  });

  it("writes JSON or HTML to a file with --out", async () => {
    const dir = tempDataDir("debrief-export-");
    const json = path.join(dir, "report.json");
    const result = await exportCli(
      live.board.id,
      "--format",
      "json",
      "--out",
      json,
      "--data-dir",
      server.dataDir,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`wrote ${json}`);
    const report = reportSchema.parse(JSON.parse(fs.readFileSync(json, "utf8")));
    expect(report.cards.map((card) => card.text)).toContain(LIVE_CARD);
    const html = path.join(dir, "report.html");
    expect(
      (await exportCli(live.board.id, "-f", "html", "-o", html, "--data-dir", server.dataDir)).code,
    ).toBe(0);
    expect(fs.readFileSync(html, "utf8")).toMatch(/^<!doctype html>/);
  });

  it("runs as the npm script", async () => {
    const result = await run("npm", [
      "run",
      "--silent",
      "export",
      "--",
      live.board.id,
      "--format",
      "md",
      "--data-dir",
      server.dataDir,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith(`# ${LIVE_TITLE}\n`)).toBe(true);
  });

  it("fails with exit code 1 and a clear message for an unknown board or a missing store", async () => {
    const unknown = await exportCli("AAAAAAAAAAAAAAAAAAAAAA", "--data-dir", server.dataDir);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(`export: no board "AAAAAAAAAAAAAAAAAAAAAA" in ${server.dataDir}\n`);
    expect(unknown.stdout).toBe("");
    // An id that starts with "-" (boards made before ids stopped doing so) goes after "--".
    const dashed = await exportCli("--data-dir", server.dataDir, "--", "-AAAAAAAAAAAAAAAAAAAAA");
    expect(dashed.code).toBe(1);
    expect(dashed.stderr).toBe(`export: no board "-AAAAAAAAAAAAAAAAAAAAA" in ${server.dataDir}\n`);
    const empty = tempDataDir("debrief-empty-");
    const missing = await exportCli(live.board.id, "--data-dir", empty);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`no Debrief data in ${empty}`);
    expect(fs.readdirSync(empty)).toEqual([]);
  });

  it("fails with exit code 2 and the usage for bad arguments", async () => {
    for (const args of [
      [],
      ["a", "b"],
      [live.board.id, "--format", "pdf"],
      [live.board.id, "--colour"],
    ]) {
      const result = await exportCli(...args, "--data-dir", server.dataDir);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).toContain("Usage: npm run export -- <boardId>");
      expect(result.stdout).toBe("");
    }
    const help = await exportCli("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: npm run export -- <boardId>");
  });
});

describe.runIf(await servicesAvailable(["postgres"]))(
  "npm run export on PostgreSQL",
  { timeout: 90_000 },
  () => {
    let db: Awaited<ReturnType<typeof createTempDatabase>>;
    let empty: Awaited<ReturnType<typeof createTempDatabase>>;
    let pgLive: LiveBoard;

    beforeAll(async () => {
      [db, empty] = await Promise.all([createTempDatabase(), createTempDatabase()]);
      const node = await startServer({ env: { DATABASE_URL: db.url } });
      try {
        pgLive = await seedLiveBoard(node);
      } finally {
        expect(await node.stop()).toBe(0);
      }
    }, 60_000);

    afterAll(async () => {
      await Promise.all([db?.drop(), empty?.drop()]);
    });

    it("prints the report of a board from the database the servers share", async () => {
      const result = await exportCli(pgLive.board.id, "--database-url", db.url);
      expect(result).toMatchObject({ code: 0, stderr: "" });
      expect(result.stdout.startsWith(`# ${LIVE_TITLE}\n`)).toBe(true);
      expect(result.stdout).toContain(`**Priya** saw: ${LIVE_CARD}`);
    });

    it("refuses an unknown board, and a database that is not Debrief's without touching it", async () => {
      const where = (url: string) => {
        const u = new URL(url);
        return `${u.hostname}:${u.port}${u.pathname}`;
      };
      const unknown = await exportCli("AAAAAAAAAAAAAAAAAAAAAA", "--database-url", db.url);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toBe(
        `export: no board "AAAAAAAAAAAAAAAAAAAAAA" in ${where(db.url)}\n`,
      );

      const other = await exportCli(pgLive.board.id, "--database-url", empty.url);
      expect(other.code).toBe(1);
      expect(other.stderr).toBe(`export: no Debrief data in ${where(empty.url)}\n`);
      const client = new pg.Client({ connectionString: empty.url });
      await client.connect();
      const tables = await client.query(
        "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'",
      );
      await client.end();
      expect(tables.rows[0].n).toBe(0);
    });
  },
);
