import path from "node:path";
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserAvailable } from "../support/browser";
import type { ServerHandle } from "../support/serverProcess";
import { useServerAndBrowser } from "./serverAndBrowser";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const enabled = browserAvailable();

describe.runIf(enabled)("the client in real Chromium", () => {
  let server: ServerHandle;
  let browser: Browser;

  useServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it("creates a board, joins by link, and shows a card live to another person", async () => {
    const context = await browser.newContext();
    const start = await context.newPage();
    await start.goto(server.url);
    await start.getByLabel("Incident title").fill("Login failures after deploy");
    await start.getByRole("button", { name: "Create board" }).click();
    const participantLink = await start
      .getByLabel("Participant link", { exact: true })
      .inputValue();
    const facilitatorLink = await start
      .getByLabel("Facilitator link", { exact: true })
      .inputValue();
    expect(participantLink).toMatch(/\/b\/[A-Za-z0-9_-]+#key=/);

    const participant = await context.newPage();
    await participant.goto(participantLink);
    await participant.getByLabel("Your name").fill("Priya");
    await participant.getByRole("button", { name: "Join" }).click();
    await participant.getByRole("heading", { name: /Priya/ }).waitFor();

    // The facilitator in a separate browser context (no shared storage) watches live.
    const other = await browser.newContext();
    const facilitator = await other.newPage();
    await facilitator.goto(facilitatorLink);
    await facilitator.getByLabel("Your name").fill("Fran");
    await facilitator.getByRole("button", { name: "Join" }).click();
    await facilitator.getByRole("heading", { name: /Priya/ }).waitFor();

    // `n` makes a card on your own lane and puts the cursor in its text.
    await participant.keyboard.press("n");
    await participant.locator(".card [contenteditable='true']:focus").waitFor();
    await participant.keyboard.type("Saw the 5xx alert fire");

    await facilitator.getByText("Saw the 5xx alert fire").waitFor({ timeout: 10_000 });
    await facilitator.screenshot({
      path: path.join(repoRoot, "test-results/smoke-board.png"),
      fullPage: true,
    });
    await context.close();
    await other.close();
  });

  it("tells a person with a bad link what to do", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/b/AAAAAAAAAAAAAAAAAAAAAA#key=wrong`);
    const name = page.getByLabel("Your name");
    if (await name.isVisible().catch(() => false)) {
      await name.fill("Eve");
      await page.getByRole("button", { name: "Join" }).click();
    }
    await page.getByRole("heading", { name: "This link is not valid" }).waitFor();
    await page.close();
  });
});
