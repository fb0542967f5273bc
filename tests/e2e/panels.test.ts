import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCard, readImprovements, TIMELINE_LANE_ID } from "../../shared/board";
import type { CreatedBoard } from "../support/api";
import { join } from "../support/api";
import { browserAvailable, withScreenshots } from "../support/browser";
import { boardWithPeople, openAs, type Person } from "../support/e2eBoard";
import type { ServerHandle } from "../support/serverProcess";
import { type Client, connectClient, synced } from "../support/syncClient";
import { waitFor } from "../support/waitFor";
import { useServerAndBrowser } from "./serverAndBrowser";

const enabled = browserAvailable();
const INCIDENT_START = Date.parse("2026-11-02T14:00:00+01:00");
const TITLE = "Page the database owner on replication lag";

const panel = (page: Page) => page.getByRole("complementary", { name: /Improvements, notes/ });
const item = (page: Page, title: string) =>
  panel(page)
    .getByRole("listitem")
    .filter({ has: page.getByText(title, { exact: true }) });

async function openTab(page: Page, name: "Improvements" | "Notes" | "Export") {
  await panel(page)
    .getByRole("tab", { name: new RegExp(`^${name}`) })
    .click();
}

describe.runIf(enabled)("the side panel in real Chromium", () => {
  let server: ServerHandle;
  let browser: Browser;
  let board: CreatedBoard;
  let watcher: Client;
  let fran: Person;
  let priya: Person;
  let alertCardId: string;
  const close: Array<() => Promise<void>> = [];

  useServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  beforeAll(async () => {
    const opened = await boardWithPeople(browser, server.url, { participants: ["Priya"] });
    board = opened.board;
    fran = opened.facilitator;
    priya = opened.participants[0]!;
    close.push(
      () => fran.context.close(),
      () => priya.context.close(),
    );
    const session = await join(server.url, board.id, board.keys.facilitator, "Seed");
    watcher = connectClient(server.wsUrl, board.id, session.token);
    await synced(watcher);
    alertCardId = addCard(watcher.doc, {
      laneId: TIMELINE_LANE_ID,
      at: INCIDENT_START + 5 * 60_000,
      kind: "event",
      text: "Replication lag alert fired",
      authorId: session.participantId,
    });
  }, 120_000);

  afterAll(async () => {
    watcher?.destroy();
    for (const done of close) await done().catch(() => undefined);
  });

  it("adds an improvement in one browser and shows it in the other with owner, due date and status", async () => {
    await withScreenshots("panels-add", [fran.page, priya.page], async () => {
      await openTab(fran.page, "Improvements");
      const form = panel(fran.page).getByRole("form", { name: "Add an improvement" });
      await form.getByLabel("What will we change?").fill(TITLE);
      await form.getByLabel("Owner").fill("Priya");
      await form.getByLabel("Due").fill("2026-11-30");
      await form.getByLabel("Status").selectOption("in-progress");
      await form.getByRole("button", { name: "Add improvement" }).click();

      await openTab(priya.page, "Improvements");
      const seen = item(priya.page, TITLE);
      await seen.waitFor({ timeout: 10_000 });
      expect(await seen.textContent()).toContain("Owner: Priya");
      expect(await seen.locator("time").getAttribute("datetime")).toBe("2026-11-30");
      expect(await seen.getByLabel(`Status of “${TITLE}”`).inputValue()).toBe("in-progress");
      expect(readImprovements(watcher.doc)).toMatchObject([
        { title: TITLE, owner: "Priya", due: "2026-11-30", status: "in-progress", cardIds: [] },
      ]);
    });
  });

  it("changes status, links the selected card, edits inline and deletes after asking", async () => {
    await withScreenshots("panels-edit", [fran.page, priya.page], async () => {
      await item(priya.page, TITLE).getByLabel(`Status of “${TITLE}”`).selectOption("done");
      await waitFor(
        async () =>
          (await item(fran.page, TITLE).getByLabel(`Status of “${TITLE}”`).inputValue()) === "done",
        { what: "the status to reach the facilitator" },
      );

      // Selecting a card on the board offers it for linking.
      await fran.page
        .getByRole("textbox", { name: "Card text" })
        .filter({ hasText: "Replication lag alert fired" })
        .click();
      await item(fran.page, TITLE)
        .getByRole("button", { name: /^Link selected card/ })
        .click();
      const chip = item(priya.page, TITLE).getByRole("button", {
        name: "Replication lag alert fired",
        exact: true,
      });
      await chip.waitFor({ timeout: 10_000 });
      await chip.click();
      await waitFor(async () => (await chip.getAttribute("aria-pressed")) === "true", {
        what: "the linked card to become the selected one",
      });
      expect(readImprovements(watcher.doc)[0]?.cardIds).toEqual([alertCardId]);

      await item(fran.page, TITLE)
        .getByRole("button", { name: `Edit “${TITLE}”` })
        .click();
      const edit = panel(fran.page).getByRole("form", { name: `Edit “${TITLE}”` });
      await edit.getByLabel("What will we change?").fill("Page the DB owner on lag over 30 s");
      await edit.getByRole("button", { name: "Save" }).click();
      await item(priya.page, "Page the DB owner on lag over 30 s").waitFor({ timeout: 10_000 });

      fran.page.once("dialog", (dialog) => void dialog.accept());
      await item(fran.page, "Page the DB owner on lag over 30 s")
        .getByRole("button", { name: /^Delete/ })
        .click();
      await panel(priya.page).getByText("No improvements yet.").waitFor({ timeout: 10_000 });
    });
  });

  it("keeps improvements and notes read-only for observers", async () => {
    const observer = await openAs(browser, board.links.observer, "Olu");
    close.push(() => observer.context.close());
    await withScreenshots("panels-observer", [observer.page], async () => {
      const form = panel(fran.page).getByRole("form", { name: "Add an improvement" });
      await form.getByLabel("What will we change?").fill("Canary the checkout service");
      await form.getByRole("button", { name: "Add improvement" }).click();

      await openTab(observer.page, "Improvements");
      const seen = item(observer.page, "Canary the checkout service");
      await seen.waitFor({ timeout: 10_000 });
      expect(await seen.getByText("Open", { exact: true }).count()).toBe(1);
      expect(await seen.getByRole("combobox").count()).toBe(0);
      expect(await seen.getByRole("button", { name: /Delete|Edit/ }).count()).toBe(0);
      expect(
        await panel(observer.page).getByRole("button", { name: "Add improvement" }).count(),
      ).toBe(0);

      await openTab(observer.page, "Notes");
      const notes = observer.page.getByRole("textbox", { name: "Shared notes" });
      expect(await notes.getAttribute("aria-readonly")).toBe("true");
    });
  });

  it("syncs the shared notes, with carets and the language nudge", async () => {
    await withScreenshots("panels-notes", [fran.page, priya.page], async () => {
      await openTab(fran.page, "Notes");
      await openTab(priya.page, "Notes");
      const franNotes = fran.page.getByRole("textbox", { name: "Shared notes" });
      await franNotes.click();
      await fran.page.keyboard.type("We learned the root cause was the cache warm-up.");

      const priyaNotes = priya.page.getByRole("textbox", { name: "Shared notes" });
      await priyaNotes.filter({ hasText: "cache warm-up" }).waitFor({ timeout: 10_000 });
      await priyaNotes.locator(".collaboration-carets__caret", { hasText: "Fran" }).waitFor();
      await priyaNotes.locator('.nudge[data-rule="root-cause"]').first().waitFor();
      await fran.page.keyboard.press("Escape");
    });
  });

  it("moves between tabs with the arrow keys and folds away", async () => {
    await withScreenshots("panels-keys", [fran.page], async () => {
      const tabs = panel(fran.page).getByRole("tab");
      await tabs.first().click();
      await fran.page.keyboard.press("ArrowRight");
      const notesTab = panel(fran.page).getByRole("tab", { name: "Notes" });
      expect(await notesTab.getAttribute("aria-selected")).toBe("true");
      expect(await notesTab.evaluate((el) => el === document.activeElement)).toBe(true);
      await fran.page.keyboard.press("End");
      expect(
        await panel(fran.page).getByRole("tab", { name: "Export" }).getAttribute("aria-selected"),
      ).toBe("true");

      await panel(fran.page).getByRole("button", { name: "Hide side panel" }).click();
      expect(await panel(fran.page).getByRole("tabpanel").count()).toBe(0);
      await panel(fran.page).getByRole("button", { name: "Notes" }).click();
      await panel(fran.page).getByRole("tabpanel", { name: "Notes" }).waitFor();
    });
  });

  it("downloads the report and opens a print view", async () => {
    await withScreenshots("panels-export", [priya.page], async () => {
      await openTab(priya.page, "Export");
      const [download] = await Promise.all([
        priya.page.waitForEvent("download"),
        panel(priya.page).getByRole("button", { name: "Download Markdown" }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/-postmortem\.md$/);
      const file = await download.path();
      expect(fs.readFileSync(file, "utf8")).toContain("Checkout errors after the 14:00 deploy");
      await panel(priya.page).getByRole("status").filter({ hasText: "Downloaded" }).waitFor();

      const [popup] = await Promise.all([
        priya.page.waitForEvent("popup"),
        panel(priya.page).getByRole("button", { name: "Print / save as PDF" }).click(),
      ]);
      await popup.waitForLoadState();
      expect(popup.url()).toMatch(/^blob:/);
      expect(await popup.content()).toContain("Checkout errors after the 14:00 deploy");
      await popup.close();
    });
  });
});
