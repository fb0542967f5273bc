import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportSchema } from "../../shared/report";
import { LIVE_CARD, LIVE_TITLE, type LiveBoard, seedLiveBoard } from "../fixtures/report/liveBoard";
import { type ServerHandle, startServer, tempDataDir } from "../support/serverProcess";

// The export CLI against a data directory a real server wrote and then left: no server runs.

const repoRoot = path.resolve(import.meta.dirname, "../..");

type Run = { code: number | null; stdout: string; stderr: string };

function run(command: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      env: { ...process.env, DATA_DIR: "" },
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
