// `npm run bench:client`: how the board feels with 30 lanes and 3,000 cards. Builds the client,
// starts a real server, seeds a board through the stock y-websocket provider, opens it in
// headless Chromium and measures time to first render, and frame times and main-thread work
// while dragging a card, typing, panning and scrolling. Prints the figures; it asserts nothing
// (see docs/benchmarks.md).
import os from "node:os";
import path from "node:path";
import type { CDPSession, Page } from "playwright-core";
import { build } from "vite";
import { generatedCards, seedBoard } from "../tests/e2e/boardSeed";
import { chromiumPath, launchBrowser } from "../tests/support/browser";
import { startServer } from "../tests/support/serverProcess";
import { type FrameStats, frameStats, installFrameRecorder } from "./frameStats";

const PARTICIPANTS = 30;
const CARDS = 3_000;
// Three hours of incident: about one card every two minutes in each lane.
const SPAN_MINUTES = 180;
const STEPS = 90;

const root = path.resolve(import.meta.dirname, "..");

type Measured = FrameStats & { busyPerStep: number };

/** Main-thread time the renderer spent on tasks so far, in ms (Chromium's TaskDuration). */
async function busyMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send("Performance.getMetrics");
  return (metrics.find((m) => m.name === "TaskDuration")?.value ?? 0) * 1000;
}

/**
 * Frame times (requestAnimationFrame deltas) during `action`, and the renderer's main-thread
 * work per step. Frame times include waiting for a busy machine; the work per step does not,
 * so it is the steadier figure when other programs share the CPU.
 */
async function measure(page: Page, cdp: CDPSession, steps: number, action: () => Promise<void>) {
  await page.evaluate(() => (window as never as { __frames: { start(): void } }).__frames.start());
  const busyBefore = await busyMs(cdp);
  await action();
  const busy = (await busyMs(cdp)) - busyBefore;
  const deltas = await page.evaluate(() =>
    (window as never as { __frames: { stop(): number[] } }).__frames.stop(),
  );
  return { ...frameStats(deltas), busyPerStep: Math.round((busy / steps) * 10) / 10 };
}

/** Opens the board and waits for the first card on screen; ms are from navigation start. */
async function firstRender(page: Page, link: string, join: boolean) {
  await page.goto(link);
  if (join) {
    await page.getByLabel("Your name").fill("Bench");
    await page.getByRole("button", { name: "Join" }).click();
  }
  await page.waitForFunction(() => "__firstCard" in window, undefined, { timeout: 120_000 });
  return page.evaluate(() => {
    const w = window as never as { __firstCard: { seen: number; painted: number } };
    return {
      painted: Math.round(w.__firstCard.painted),
      cardsInDom: document.querySelectorAll(".card").length,
    };
  });
}

async function interactions(page: Page, cdp: CDPSession) {
  const head = page.locator(".card .card-head").first();
  const box = await head.boundingBox();
  if (!box) throw new Error("no card to drag");
  const drag = await measure(page, cdp, STEPS, async () => {
    await page.mouse.move(box.x + 30, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= STEPS; i++) await page.mouse.move(box.x + 30 + i * 4, box.y + 10);
    await page.mouse.up();
  });

  // Each keystroke is a change to the board that the snapshot store and every peer process,
  // so this is where re-reading the whole board on every change would show.
  const text = page.locator(".card [contenteditable='true']").first();
  await text.click();
  await page.keyboard.press("End");
  const typed = " and the queue kept growing";
  const typing = await measure(page, cdp, typed.length, async () => {
    for (const char of typed) await page.keyboard.type(char);
  });
  await page.keyboard.press("Escape");

  const lanes = await page.locator(".lanes-scroller").boundingBox();
  if (!lanes) throw new Error("no lanes");
  await page.mouse.move(lanes.x + lanes.width / 2, lanes.y + lanes.height / 2);
  const pan = await measure(page, cdp, STEPS, async () => {
    for (let i = 0; i < STEPS; i++) await page.mouse.wheel(i < STEPS / 2 ? 40 : -40, 0);
  });
  const scroll = await measure(page, cdp, STEPS, async () => {
    for (let i = 0; i < STEPS; i++) await page.mouse.wheel(0, i < STEPS / 2 ? 120 : -120);
  });
  return { drag, typing, pan, scroll };
}

function printRow(name: string, s: Measured) {
  const cells = [s.frames, s.median, s.p95, s.max, s.over50, s.busyPerStep];
  process.stdout.write(
    `${name.padEnd(22)}${cells.map((c, i) => String(c).padStart(i === 5 ? 12 : 7)).join("")}\n`,
  );
}

async function main() {
  if (!chromiumPath()) throw new Error("bench:client needs Chromium (apt-get install chromium)");
  process.stdout.write("building the client…\n");
  await build({
    configFile: path.join(root, "vite.config.ts"),
    mode: "production",
    logLevel: "warn",
  });
  // Seeding writes the whole board in one update, far past the per-connection struct limits
  // that protect the server from a runaway client; the browser under test stays within them.
  const server = await startServer({
    env: { MAX_UPDATE_STRUCTS: "10000000", STRUCTS_PER_SECOND: "10000000" },
  });
  const browser = await launchBrowser();
  try {
    process.stdout.write(`seeding ${PARTICIPANTS} lanes and ${CARDS} cards…\n`);
    const people = Array.from({ length: PARTICIPANTS }, (_, i) => `Person ${i + 1}`);
    const seeded = await seedBoard(server.url, server.wsUrl, {
      people,
      cards: generatedCards(CARDS, PARTICIPANTS, SPAN_MINUTES),
    });
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    // As source text: tsx wraps named functions in a `__name` helper the page does not have.
    await context.addInitScript({
      content: `var __name = (f) => f; (${installFrameRecorder.toString()})();`,
    });
    const page = await context.newPage();

    // Cold: the first visit, from pressing Join (page load not included) to the first painted card.
    const clickAt = Date.now();
    const cold = await firstRender(page, seeded.board.links.facilitator, true);
    const coldMs = Date.now() - clickAt;
    // Warm: a reload with the session and the IndexedDB copy in place; from navigation start.
    const warm = await firstRender(page, seeded.board.links.facilitator, false);
    await page.getByText("Live", { exact: true }).waitFor();
    await page.waitForTimeout(1_000);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const results = await interactions(page, cdp);
    const cardsInDom = await page.locator(".card").count();

    const cpu = `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "unknown CPU"}`;
    // Other work on the machine shows in every figure; the load average says how much.
    const load = os
      .loadavg()
      .map((n) => n.toFixed(1))
      .join(" ");
    process.stdout.write(`\nmachine: ${cpu}, Node ${process.version}; load average ${load}\n`);
    process.stdout.write(`board: ${PARTICIPANTS} participant lanes + timeline, ${CARDS} cards\n\n`);
    process.stdout.write(
      `first render, cold (Join → first card painted): ${coldMs} ms (${cold.cardsInDom} cards in the DOM)\n`,
    );
    process.stdout.write(
      `first render, reload (navigation → first card painted): ${warm.painted} ms\n`,
    );
    process.stdout.write(`cards in the DOM after panning and scrolling: ${cardsInDom}\n\n`);
    process.stdout.write(
      "frame times (ms)      frames median    p95    max  >50ms  busy ms/step\n",
    );
    printRow("drag a card", results.drag);
    printRow("type in a card", results.typing);
    printRow("pan (sideways wheel)", results.pan);
    printRow("scroll lanes", results.scroll);
    seeded.watcher.destroy();
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
