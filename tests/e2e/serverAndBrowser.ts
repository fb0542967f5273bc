import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "../support/browser";
import { type ServerHandle, startServer } from "../support/serverProcess";

/**
 * The real server and Chromium a browser suite runs against: started before the suite's other
 * `beforeAll` hooks (call this first), handed to `ready`, and stopped after its other
 * `afterAll` hooks have closed their pages.
 */
export function useServerAndBrowser(
  ready: (server: ServerHandle, browser: Browser) => void,
  options: { env?: Record<string, string>; beforeStart?: () => Promise<void> } = {},
): void {
  let server: ServerHandle | undefined;
  let browser: Browser | undefined;
  // A production build takes a while when other suites build and test at the same time.
  beforeAll(async () => {
    await options.beforeStart?.();
    server = await startServer({ env: options.env ?? {} });
    browser = await launchBrowser();
    ready(server, browser);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
}
