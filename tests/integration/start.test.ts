import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempDataDir } from "../support/serverProcess";

const repoRoot = path.resolve(import.meta.dirname, "../..");

describe("npm start", () => {
  it("builds the client when needed and serves it with the API on one port", async () => {
    const proc = spawn(process.execPath, ["--import", "tsx", "server/start.ts"], {
      cwd: repoRoot,
      env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: tempDataDir() },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let out = "";
        proc.stderr.on("data", (d: Buffer) => {
          out += d.toString();
        });
        proc.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          const m = /"event":"server.listening".*?"port":(\d+)/.exec(out);
          if (m) resolve(Number(m[1]));
        });
        proc.once("exit", (code) => reject(new Error(`start exited with ${code}: ${out}`)));
      });
      const base = `http://127.0.0.1:${port}`;
      const home = await fetch(`${base}/`);
      expect(home.status).toBe(200);
      expect(home.headers.get("content-security-policy")).toContain("default-src 'self'");
      const html = await home.text();
      const script = /<script[^>]+src="([^"]+)"/.exec(html)?.[1];
      expect(script).toMatch(/^\/assets\/.+\.js$/);
      const js = await fetch(`${base}${script}`);
      expect(js.status).toBe(200);
      expect(js.headers.get("content-type")).toMatch(/javascript/);
      // A board link serves the same page; the key in the fragment never reaches the server.
      expect(await (await fetch(`${base}/b/someBoardId123`)).text()).toBe(html);
      const created = await fetch(`${base}/api/boards`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ title: "Smoke" }),
      });
      expect(created.status).toBe(201);
    } finally {
      proc.kill("SIGTERM");
    }
  }, 120_000);
});
