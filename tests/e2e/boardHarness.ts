import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { build } from "vite";
import { afterEach } from "vitest";
import { type Card, type Lane, readBoard } from "../../shared/board";
import { type CreatedBoard, meetingAction } from "../support/api";
import type { Person } from "../support/e2eBoard";
import type { ServerHandle } from "../support/serverProcess";
import type { Client } from "../support/syncClient";
import { waitFor } from "../support/waitFor";
import { type SeedCard, seedBoard } from "./boardSeed";
import { trackSockets } from "./boardSockets";
import { useServerAndBrowser } from "./serverAndBrowser";

const repoRoot = path.resolve(import.meta.dirname, "../..");

export type BoardHarness = {
  server(): ServerHandle;
  browser(): Browser;
  /** A fresh board with these lanes and cards, and a facilitator token for the meeting API. */
  seed(options?: { people?: string[]; cards?: SeedCard[] }): Promise<SeededHandle>;
  /** Opens a link as a person; the page is screenshotted if the test fails. */
  open(link: string, name: string, options?: OpenOptions): Promise<Person>;
};

export type OpenOptions = {
  colorScheme?: "light" | "dark";
  viewport?: { width: number; height: number };
  /** Keep the page's WebSockets in `window.__sockets`, so a test can cut them. */
  trackSockets?: boolean;
  /** Wait until the board is live (the default), or return once the name is submitted. */
  live?: boolean;
};

export type SeededHandle = {
  board: CreatedBoard;
  /** The board's cards as the server has them, read through a live connection. */
  cards(): Card[];
  /** The board's lanes, the same way. */
  lanes(): Lane[];
  /** Waits until some card matches, and returns it. */
  cardWhere(what: string, match: (card: Card) => boolean): Promise<Card>;
  meeting(body: Record<string, unknown>): Promise<void>;
};

/**
 * Setup shared by the board's browser tests: builds the client once, runs a real server and
 * Chromium, and after a failed test saves a screenshot of every page it opened into
 * test-results/ before closing them.
 */
export function useBoardHarness(
  suite: string,
  options: { env?: Record<string, string> } = {},
): BoardHarness {
  let server: ServerHandle;
  let browser: Browser;
  const people: Person[] = [];
  const clients: Client[] = [];

  useServerAndBrowser(
    (s, b) => {
      server = s;
      browser = b;
    },
    { env: options.env, beforeStart: buildClientIfStale },
  );

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") {
      const dir = path.join(repoRoot, "test-results");
      fs.mkdirSync(dir, { recursive: true });
      const name = `${suite}-${context.task.name}`.replace(/[^a-z0-9]+/gi, "-").slice(0, 80);
      await Promise.all(
        people.map(({ page }, i) =>
          page.screenshot({ path: path.join(dir, `${name}-${i}.png`) }).catch(() => undefined),
        ),
      );
    }
    await Promise.all(people.splice(0).map(({ context }) => context.close().catch(() => {})));
    for (const client of clients.splice(0)) client.destroy();
  });

  return {
    server: () => server,
    browser: () => browser,
    async seed(options = {}) {
      const seeded = await seedBoard(server.url, server.wsUrl, {
        people: options.people ?? [],
        cards: options.cards ?? [],
      });
      clients.push(seeded.watcher);
      const cards = () => readBoard(seeded.watcher.doc).cards;
      return {
        board: seeded.board,
        cards,
        lanes: () => readBoard(seeded.watcher.doc).lanes,
        cardWhere: (what, match) => waitFor(() => cards().find(match), { timeoutMs: 15_000, what }),
        async meeting(body) {
          const res = await meetingAction(server.url, seeded.board.id, seeded.token, body);
          if (res.status !== 200) throw new Error(`meeting ${JSON.stringify(body)}: ${res.status}`);
        },
      };
    },
    async open(link, name, options = {}) {
      const context = await browser.newContext({
        viewport: options.viewport ?? { width: 1400, height: 900 },
        colorScheme: options.colorScheme ?? "light",
      });
      // As source text: tsx wraps named functions in a `__name` helper the page does not have.
      if (options.trackSockets) {
        await context.addInitScript({
          content: `var __name = (f) => f; (${trackSockets.toString()})();`,
        });
      }
      const page = await context.newPage();
      people.push({ context, page });
      await page.goto(link);
      await page.getByLabel("Your name").fill(name);
      await page.getByRole("button", { name: "Join" }).click();
      if (options.live !== false) {
        await page.getByText("Live", { exact: true }).waitFor({ timeout: 20_000 });
      }
      return { context, page };
    },
  };
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

/**
 * Builds the client unless dist/client is newer than every source (the rule `npm start`
 * uses). Several browser suites share one build: a rebuild empties dist/client, and a suite
 * whose page loads at that moment would fail for no reason of its own.
 */
async function buildClientIfStale(): Promise<void> {
  const builtAt = mtime(path.join(repoRoot, "dist/client/index.html"));
  const newest = Math.max(
    newestMtime(path.join(repoRoot, "client")),
    newestMtime(path.join(repoRoot, "shared")),
    mtime(path.join(repoRoot, "vite.config.ts")),
    mtime(path.join(repoRoot, "package-lock.json")),
  );
  if (builtAt > newest) return;
  await build({
    configFile: path.join(repoRoot, "vite.config.ts"),
    mode: "production",
    logLevel: "warn",
  });
}

/** The lane region of a person, or the shared timeline. */
export const laneOf = (page: Page, name: string | RegExp) => page.getByRole("region", { name });
