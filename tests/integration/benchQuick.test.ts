import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { peersInstalled } from "../../bench/installPeers";

const repoRoot = path.resolve(import.meta.dirname, "../..");
// The peers are installed on demand by `npm run bench`; the smoke test never installs them.
const peers = peersInstalled() ? "debrief,hocuspocus,y-websocket,null" : "debrief,null";
const WORKLOADS = ["Relay", "Saturation", "Many rooms", "Cold open", "Join storm", "Presence"];

/**
 * Runs the server benchmark in --quick mode (real server processes, real sockets, tiny sizes)
 * and checks only that it completes and prints its tables. Speed is judged by the benchmark
 * itself, never by a test.
 */
describe("npm run bench -- --quick", () => {
  it("runs every workload and prints a table for each", { timeout: 240_000 }, async () => {
    const proc = spawn(
      process.execPath,
      ["--import", "tsx", "bench/main.ts", "--quick", "--peers", peers],
      { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    proc.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    proc.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    const code = await new Promise<number | null>((resolve) => proc.once("exit", resolve));

    expect(code, stderr).toBe(0);
    for (const title of WORKLOADS) expect(stdout).toMatch(new RegExp(`### \\d\\. ${title}`));
    expect(stdout).toContain("| metric | Debrief |");
    expect(stdout).toMatch(/Command: `npm run bench -- --quick/);
    expect(stdout).toMatch(/Node v\d+/);
  });
});
