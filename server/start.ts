import fs from "node:fs";
import path from "node:path";
import { main } from "./main";

/**
 * `npm start`: builds the client when dist/client is missing or older than its sources, then
 * runs the server. A fresh clone therefore needs only `npm install && npm start`.
 */
async function start(): Promise<void> {
  const root = process.cwd();
  const built = path.join(root, "dist/client/index.html");
  const sources = ["client", "shared"].map((d) => path.join(root, d));
  const extra = ["vite.config.ts", "package-lock.json"].map((f) => path.join(root, f));
  const builtAt = mtime(built);
  const newest = Math.max(...sources.map(newestMtime), ...extra.map(mtime));
  if (builtAt === 0 || newest > builtAt) {
    process.stdout.write(
      `${JSON.stringify({ event: "client.build", reason: builtAt ? "stale" : "missing" })}\n`,
    );
    const { build } = await import("vite");
    await build({ configFile: path.join(root, "vite.config.ts"), logLevel: "warn" });
  }
  await main();
}

function mtime(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, mtime(path.join(entry.parentPath, entry.name)));
  }
  return newest;
}

start().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
