import path from "node:path";
import { build } from "vite";
import { chromiumPath } from "./browser";

const shared = globalThis as { debriefClientBuild?: Promise<unknown> };

/**
 * Builds the client once, before any test file runs, for every suite that serves it to real
 * Chromium. Building per file raced: one file's build emptied dist/ while another file's
 * server was serving pages from it. Vitest runs this setup for the root config and for each
 * project, so the build is shared through a process-wide promise.
 */
export default async function setup(): Promise<void> {
  if (!chromiumPath()) return;
  shared.debriefClientBuild ??= build({
    configFile: path.resolve(import.meta.dirname, "../../vite.config.ts"),
    mode: "production",
    logLevel: "warn",
  });
  await shared.debriefClientBuild;
}
