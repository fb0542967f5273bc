import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { addCard, addImprovement, readBoard, TIMELINE_LANE_ID } from "../../shared/board";
import { join } from "../support/api";
import { browserAvailable } from "../support/browser";
import { boardWithPeople } from "../support/e2eBoard";
import type { ServerHandle } from "../support/serverProcess";
import { connectClient, synced } from "../support/syncClient";
import { useServerAndBrowser } from "./serverAndBrowser";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const AXE_PATH = path.join(repoRoot, "node_modules/axe-core/axe.min.js");
const enabled = browserAvailable();
const INCIDENT_START = Date.parse("2026-11-02T14:00:00+01:00");

type AxeNode = { target: unknown[]; html: string; failureSummary?: string };
type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
};

// Serious and critical are what block people (no name on a control, unreadable contrast, a
// keyboard trap); moderate and minor findings are worth a look but not a failed build.
const BLOCKING = new Set(["serious", "critical"]);

/**
 * A browser context that lets axe-core in: the client's CSP (rightly) refuses injected
 * scripts, and `bypassCSP` lifts that for the test's own tag only, not for the app.
 */
async function checkerPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    bypassCSP: true,
    viewport: { width: 1400, height: 900 },
  });
  return context.newPage();
}

/** Joins a board link in a checker page and waits until it is live. */
async function joinChecked(browser: Browser, link: string, name: string): Promise<Page> {
  const page = await checkerPage(browser);
  await page.goto(link);
  await page.getByLabel("Your name").fill(name);
  await page.getByRole("button", { name: "Join" }).click();
  await page.getByText("Live", { exact: true }).waitFor({ timeout: 15_000 });
  return page;
}

/** Runs axe-core in the page and returns the serious and critical violations. */
async function blockingViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(ctx: Document): Promise<{ violations: unknown[] }> } }
    ).axe;
    return (await axe.run(document)).violations;
  });
  return (violations as AxeViolation[]).filter((v) => v.impact && BLOCKING.has(v.impact));
}

/** One readable paragraph per violation, for the failure message. */
function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    at ${n.target.join(" ")}\n      ${n.html.slice(0, 160)}`)
        .join("\n");
      return `[${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} element(s))\n  ${v.helpUrl}\n${nodes}`;
    })
    .join("\n\n");
}

async function expectAccessible(page: Page, name: string, colorScheme: "light" | "dark") {
  // Reduced motion, and then no transition still running: axe measures contrast on the colours
  // of the moment, and a theme switch fades backgrounds for a few frames.
  await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const violations = await blockingViolations(page);
  if (violations.length > 0) {
    const dir = path.join(repoRoot, "test-results");
    fs.mkdirSync(dir, { recursive: true });
    await page.screenshot({
      path: path.join(dir, `a11y-${name}-${colorScheme}.png`),
      fullPage: true,
    });
  }
  expect(violations, `${name} (${colorScheme}):\n${describeViolations(violations)}`).toEqual([]);
}

describe.runIf(enabled)("accessibility (axe-core) in real Chromium", () => {
  let server: ServerHandle;
  let browser: Browser;

  useServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it("finds no serious or critical problem on the start page and the links page", async () => {
    const page = await checkerPage(browser);
    try {
      await page.goto(server.url);
      await page.getByRole("radio", { name: /Blameless debrief \(60 min\)/ }).waitFor();
      await expectAccessible(page, "start", "light");
      await expectAccessible(page, "start", "dark");

      await page.getByLabel("Incident title").fill("Checkout errors after the 14:00 deploy");
      await page.getByRole("button", { name: "Create board" }).click();
      await page.getByLabel("Participant link", { exact: true }).waitFor();
      await expectAccessible(page, "links", "light");
      await expectAccessible(page, "links", "dark");
    } finally {
      await page.context().close();
    }
  });

  it("finds no serious or critical problem on a populated board", async () => {
    const { board, facilitator, participants } = await boardWithPeople(browser, server.url, {
      participants: ["Priya", "Sam"],
    });
    const session = await join(server.url, board.id, board.keys.facilitator, "Seed");
    const seed = connectClient(server.wsUrl, board.id, session.token);
    let checked: Page | undefined;
    try {
      await synced(seed);
      const lanes = readBoard(seed.doc).lanes;
      const priyaLane = lanes.find((l) => l.name === "Priya");
      const at = (minute: number) => INCIDENT_START + minute * 60_000;
      const alert = addCard(seed.doc, {
        laneId: TIMELINE_LANE_ID,
        at: at(4),
        kind: "event",
        text: "Checkout 5xx alert fired",
        authorId: session.participantId,
      });
      if (priyaLane?.participantId) {
        addCard(seed.doc, {
          laneId: priyaLane.id,
          at: at(6),
          kind: "belief",
          text: "I thought the deploy should have been fine: the canary was green",
          authorId: priyaLane.participantId,
        });
      }
      addImprovement(seed.doc, {
        title: "Alert on checkout error rate per region",
        owner: "Priya",
        due: "2026-11-30",
        status: "in-progress",
        cardIds: [alert],
      });
      // The facilitator's view has the most controls; a second facilitator tab checks it.
      const page = await joinChecked(browser, board.links.facilitator, "Ada");
      checked = page;
      await page.getByText("Checkout 5xx alert fired").first().waitFor({ timeout: 10_000 });
      await page.getByText("Alert on checkout error rate per region").waitFor({ timeout: 10_000 });
      await expectAccessible(page, "board", "light");
      await expectAccessible(page, "board", "dark");
    } finally {
      seed.destroy();
      await checked?.context().close();
      await facilitator.context.close();
      for (const p of participants) await p.context.close();
    }
  });
});
