import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReport, renderHtml } from "../../shared/report";
import {
  buildHostileBoardDoc,
  buildHostileMeetingDoc,
  HOSTILE,
} from "../fixtures/report/hostileBoard";
import { browserAvailable, launchBrowser } from "../support/browser";

// The HTML report opened in real Chromium with hostile content on every user-written field.
// The page's own Content-Security-Policy would block inline scripts anyway, so the main test
// strips it: escaping alone must keep every payload inert.

const enabled = browserAvailable();

type Fired = { dialogs: string[]; console: string[]; errors: string[] };

async function open(browser: Browser, html: string): Promise<{ page: Page; fired: Fired }> {
  const page = await browser.newPage();
  const fired: Fired = { dialogs: [], console: [], errors: [] };
  page.on("dialog", (dialog) => {
    fired.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("console", (message) => fired.console.push(message.text()));
  page.on("pageerror", (error) => fired.errors.push(error.message));
  page.on("request", (request) => {
    if (!request.url().startsWith("data:") && request.url() !== "about:blank") {
      fired.errors.push(`request to ${request.url()}`);
    }
  });
  await page.setContent(html, { waitUntil: "load" });
  return { page, fired };
}

describe.runIf(enabled)("the HTML report in real Chromium", () => {
  let browser: Browser;
  let html: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const report = buildReport(buildHostileBoardDoc(), buildHostileMeetingDoc(), {
      generatedAt: 0,
    });
    html = renderHtml(report);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("runs no payload even without its Content-Security-Policy, and shows each one as text", async () => {
    const withoutCsp = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "");
    expect(withoutCsp).not.toContain("Content-Security-Policy");
    const { page, fired } = await open(browser, withoutCsp);
    // Give handlers (onload, onerror) a moment to fire if any element carried one.
    await page.waitForTimeout(300);
    expect(fired).toEqual({ dialogs: [], console: [], errors: [] });
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    const dom = await page.evaluate(() => ({
      active: document.querySelectorAll("script, iframe, object, embed, svg, img, form, base")
        .length,
      handlers: [...document.querySelectorAll("*")].flatMap((el) =>
        [...el.attributes].filter((a) => a.name.startsWith("on")).map((a) => a.name),
      ),
      hrefs: [...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href") ?? ""),
      title: document.title,
    }));
    expect(dom.active).toBe(0);
    expect(dom.handlers).toEqual([]);
    for (const href of dom.hrefs) expect(href).toMatch(/^(?:https?:|mailto:|#)/);
    expect(dom.title).toBe(`${HOSTILE.title} · Post-mortem`);
    for (const text of [
      HOSTILE.cardScript,
      HOSTILE.laneName,
      HOSTILE.improvement,
      HOSTILE.owner,
      HOSTILE.phase,
      HOSTILE.notes,
      HOSTILE.codeBreakout,
    ]) {
      await expect(page.getByText(text, { exact: false }).first().isVisible(), text).resolves.toBe(
        true,
      );
    }
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      HOSTILE.title,
    );
    await page.close();
  });

  it("makes only the http(s) and mailto links clickable", async () => {
    const { page } = await open(browser, html);
    // The card shows twice (timeline and perspectives), with the same two links each time.
    const links = await page.evaluate(() => [
      ...new Set(
        [...document.querySelectorAll(".text a")].map(
          (a) => `${a.textContent} ${a.getAttribute("href")}`,
        ),
      ),
    ]);
    expect(links).toEqual([
      "https link https://example.com/ok?a=1&b=%3C2%3E",
      "mailto link mailto:oncall@example.com",
    ]);
    await expect(page.getByText("javascript link").first().isVisible()).resolves.toBe(true);
    await page.close();
  });

  it("loads nothing and logs nothing with its policy in place, on screen and in print", async () => {
    const { page, fired } = await open(browser, html);
    await page.emulateMedia({ media: "print" });
    await page.pdf({ format: "A4" });
    expect(fired).toEqual({ dialogs: [], console: [], errors: [] });
    await page.close();
  });
});
