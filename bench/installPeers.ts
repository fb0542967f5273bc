import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * The peers are not Debrief dependencies: they live in bench/peers with their own package.json
 * and lock, and are installed there the first time a run needs them. sqlite3 (Hocuspocus's
 * SQLite extension) may compile from source when no prebuilt binary is reachable, which takes
 * a few minutes once.
 */
const PEERS_DIR = path.join(import.meta.dirname, "peers");
const MARKERS = ["@hocuspocus/server", "@hocuspocus/extension-sqlite", "@y/websocket-server"];

export function peersInstalled(): boolean {
  return MARKERS.every((name) =>
    fs.existsSync(path.join(PEERS_DIR, "node_modules", name, "package.json")),
  );
}

/** Installs bench/peers from its lock file unless it is already there; throws on failure. */
export function ensurePeersInstalled(log: (line: string) => void): void {
  if (peersInstalled()) return;
  log("installing the peers into bench/peers (npm ci, once)…");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["ci", "--prefix", PEERS_DIR, "--no-audit", "--no-fund"], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (result.status !== 0 || !peersInstalled()) {
    throw new Error(
      "could not install the peers (npm ci --prefix bench/peers); run it by hand, or bench Debrief alone with --peers debrief,null",
    );
  }
}
