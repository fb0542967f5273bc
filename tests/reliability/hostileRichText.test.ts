import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addCard, getCardTextFragment, TIMELINE_LANE_ID } from "../../shared/board";
import { createBoard, join } from "../support/api";
import { browserAvailable, launchBrowser } from "../support/browser";
import { openAs } from "../support/e2eBoard";
import { type ServerHandle, startServer } from "../support/serverProcess";
import { connectClient, synced } from "../support/syncClient";
import { figure } from "./support/figures";

const enabled = browserAvailable();
const KEPT = "Kept: the checkout pods restarted at 14:05";
// Every payload reports itself through one of these if it ever runs.
const FIRED = "window.__xss = (window.__xss || 0) + 1; console.log('XSS-FIRED')";

/**
 * Writes hostile rich text straight into a card's Yjs fragment, the way a modified client
 * could: nodes no editor schema knows, script and iframe elements, event-handler attributes,
 * javascript: links, and markup as plain text. Around it, ordinary text that must survive.
 */
function writeHostileText(fragment: Y.XmlFragment): void {
  const el = (
    name: string,
    attrs: Record<string, string>,
    children: Array<Y.XmlElement | Y.XmlText>,
  ) => {
    const e = new Y.XmlElement(name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    e.insert(0, children);
    return e;
  };
  const text = (value: string, attrs?: Record<string, unknown>) => {
    const t = new Y.XmlText();
    t.insert(0, value, attrs);
    return t;
  };
  fragment.doc!.transact(() => {
    fragment.delete(0, fragment.length);
    fragment.insert(0, [
      el("paragraph", {}, [text(KEPT)]),
      el("script", {}, [text(FIRED)]),
      el("img", { src: "x", onerror: FIRED }, []),
      el("iframe", { src: `javascript:${FIRED}` }, []),
      el("blink", { onmouseover: FIRED }, [text("unknown node")]),
      el("paragraph", { onclick: FIRED, style: "background:url(javascript:alert(1))" }, [
        text(`<script>${FIRED}</script><img src=x onerror="${FIRED}">`),
        text("click me", { link: { href: `javascript:${FIRED}` } }),
        text("data link", { link: { href: "data:text/html,<script>alert(1)</script>" } }),
      ]),
    ]);
  });
}

type Watch = { executions: () => Promise<number>; events: string[] };

function watchPage(page: Page): Watch {
  const events: string[] = [];
  page.on("dialog", (d) => {
    events.push(`dialog ${d.message()}`);
    void d.dismiss();
  });
  page.on("console", (m) => {
    if (m.text().includes("XSS-FIRED")) events.push("console");
  });
  return {
    events,
    executions: async () =>
      events.length +
      ((await page.evaluate(() => (window as { __xss?: number }).__xss ?? 0)) as number),
  };
}

describe.runIf(enabled)("hostile rich text through sync, rendered in Chromium", () => {
  let server: ServerHandle;
  let browser: Browser;

  // The client is built once per run by tests/support/globalSetup.ts.
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("runs no script in the board or the report, and keeps the rest of the card", async () => {
    const board = await createBoard(server.url, { title: "Hostile text" });
    const writer = await join(server.url, board.id, board.keys.participant, "Mallory");
    const client = connectClient(server.wsUrl, board.id, writer.token);
    await synced(client);
    const cardId = addCard(client.doc, {
      laneId: TIMELINE_LANE_ID,
      at: Date.now(),
      kind: "event",
      text: "placeholder",
      authorId: writer.participantId,
    });
    writeHostileText(getCardTextFragment(client.doc, cardId)!);
    client.destroy();

    // The board, as a facilitator opens it.
    const fran = await openAs(browser, board.links.facilitator, "Fran");
    const boardWatch = watchPage(fran.page);
    await fran.page.getByText(KEPT).first().waitFor({ timeout: 15_000 });
    await fran.page
      .getByText("unknown node")
      .first()
      .hover()
      .catch(() => undefined);
    await fran.page.waitForTimeout(500);
    const boardExecutions = await boardWatch.executions();
    const boardKept = await fran.page.getByText(KEPT).first().isVisible();
    await fran.context.close();

    // The report: as served (with its CSP) and with the CSP removed, so escaping alone is tested.
    const res = await fetch(`${server.url}/api/boards/${board.id}/report?format=html`, {
      headers: { authorization: `Bearer ${writer.token}` },
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    let reportExecutions = 0;
    let reportKept = true;
    for (const variant of [
      html,
      html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, ""),
    ]) {
      const page = await browser.newPage();
      const watch = watchPage(page);
      await page.setContent(variant, { waitUntil: "load" });
      await page.waitForTimeout(300);
      reportExecutions += await watch.executions();
      reportKept &&= await page.getByText(KEPT).first().isVisible();
      await page.close();
    }

    figure("hostile_text_board_script_executions", boardExecutions);
    figure("hostile_text_report_script_executions", reportExecutions);
    figure("hostile_text_board_kept_rest_of_card", boardKept ? 1 : 0);
    figure("hostile_text_report_kept_rest_of_card", reportKept ? 1 : 0);
    expect(boardWatch.events).toEqual([]);
    expect(boardExecutions).toBe(0);
    expect(reportExecutions).toBe(0);
    expect(boardKept).toBe(true);
    expect(reportKept).toBe(true);
  }, 120_000);
});
