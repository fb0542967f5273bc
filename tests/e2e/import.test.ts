import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readBoard } from "../../shared/board";
import { browserAvailable } from "../support/browser";
import { boardWithPeople, type Person } from "../support/e2eBoard";
import type { ServerHandle } from "../support/serverProcess";
import { connectClient, synced } from "../support/syncClient";
import { waitFor } from "../support/waitFor";
import { useServerAndBrowser } from "./serverAndBrowser";

const enabled = browserAvailable();
const panel = (page: Page) => page.getByRole("complementary", { name: /Improvements, notes/ });

describe.runIf(enabled)("importing a timeline in the side panel", () => {
  let server: ServerHandle;
  let browser: Browser;
  let fran: Person;
  let boardId: string;
  let participantToken: string;

  useServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  beforeAll(async () => {
    const { board, facilitator, participants } = await boardWithPeople(browser, server.url);
    fran = facilitator;
    boardId = board.id;
    await participants[0]?.context.close();
    const res = await fetch(`${server.url}/api/boards/${board.id}/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ key: board.keys.participant, name: "Reader" }),
    });
    participantToken = ((await res.json()) as { token: string }).token;
  });

  afterAll(async () => {
    await fran?.context.close();
  });

  it("turns pasted CSV rows into facts on the timeline, and refuses a bad file whole", async () => {
    const page = fran.page;
    await panel(page)
      .getByRole("tab", { name: /^Import/ })
      .click();
    const box = panel(page).getByLabel("Timeline", { exact: true });
    await box.fill(
      "time,text\n2026-11-02 14:03,Checkout 5xx alert fired\n2026-11-02 14:07,On-call acknowledged",
    );
    await expect.poll(() => panel(page).getByText("Looks like CSV.").isVisible()).toBe(true);
    await panel(page).getByRole("button", { name: "Import" }).click();
    await panel(page).getByText("Imported 2 facts.").waitFor();

    const reader = connectClient(server.wsUrl, boardId, participantToken);
    try {
      await synced(reader);
      await waitFor(() => readBoard(reader.doc).cards.length === 2, { what: "imported facts" });
      expect(readBoard(reader.doc).cards.map((c) => [c.kind, c.laneId, c.text])).toEqual([
        ["event", "timeline", "Checkout 5xx alert fired"],
        ["event", "timeline", "On-call acknowledged"],
      ]);

      await box.fill("time,text\n2026-11-02 14:10,Fine\nnot a time,Broken row");
      await panel(page).getByRole("button", { name: "Import" }).click();
      await panel(page)
        .getByRole("alert")
        .filter({ hasText: /line 3/ })
        .waitFor();
      expect(readBoard(reader.doc).cards).toHaveLength(2);
    } finally {
      reader.destroy();
    }
  });
});
