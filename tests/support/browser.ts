import fs from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

/** Debian's Chromium, or CHROMIUM_PATH. `npx playwright install` cannot download browsers here. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((p): p is string => !!p && fs.existsSync(p));
}

/**
 * Whether browser tests can run. Without Chromium they are skipped with a loud line, unless
 * REQUIRE_BROWSER=1 (CI), where a missing browser fails the run instead of hiding it.
 */
export function browserAvailable(): boolean {
  if (chromiumPath()) return true;
  if (process.env.REQUIRE_BROWSER === "1") {
    throw new Error("REQUIRE_BROWSER=1 but no Chromium found (apt-get install chromium)");
  }
  process.stderr.write(
    "\n*** SKIPPED: browser tests — no Chromium (apt-get install chromium, or set CHROMIUM_PATH) ***\n",
  );
  return false;
}

/** Playwright gives every launch a fresh, empty profile of its own. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
}

/** Runs `body`; if it throws, saves a screenshot of every page into test-results/ first. */
export async function withScreenshots(name: string, pages: Page[], body: () => Promise<void>) {
  try {
    await body();
  } catch (error) {
    const dir = path.resolve(import.meta.dirname, "../../test-results");
    fs.mkdirSync(dir, { recursive: true });
    await Promise.all(
      pages.map((page, i) =>
        page
          .screenshot({ path: path.join(dir, `${name}-${i}.png`), fullPage: true })
          .catch(() => undefined),
      ),
    );
    throw error;
  }
}
