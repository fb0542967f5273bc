import path from "node:path";
import { build } from "vite";
import { chromiumPath } from "./browser";

/**
 * Builds the client once, before any test file runs, for every suite that serves it to real
 * Chromium. Building per file raced: one file's build emptied dist/ while another file's
 * server was serving pages from it.
 */
export default async function setup(): Promise<void> {
  if (!chromiumPath()) return;
  await build({
    configFile: path.resolve(import.meta.dirname, "../../vite.config.ts"),
    mode: "production",
    logLevel: "warn",
  });
}
