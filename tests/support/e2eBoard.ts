import type { Browser, BrowserContext, Page } from "playwright-core";
import { type CreatedBoard, createBoard } from "./api";

export type Person = { context: BrowserContext; page: Page };

/**
 * Opens a board link in a fresh browser context (its own storage, like another person's
 * browser), enters the name and waits until the board has synced.
 */
export async function openAs(browser: Browser, link: string, name: string): Promise<Person> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel("Your name").fill(name);
  await page.getByRole("button", { name: "Join" }).click();
  await page.getByText("Live", { exact: true }).waitFor({ timeout: 15_000 });
  return { context, page };
}

/** A board created over the API, with a facilitator and participants opened in browsers. */
export async function boardWithPeople(
  browser: Browser,
  baseUrl: string,
  options: { script?: unknown; participants?: string[]; title?: string } = {},
): Promise<{ board: CreatedBoard; facilitator: Person; participants: Person[] }> {
  const board = await createBoard(baseUrl, {
    title: options.title ?? "Checkout errors after the 14:00 deploy",
    incidentStart: "2026-11-02T14:00:00+01:00",
    timezone: "Europe/Berlin",
    ...(options.script ? { script: options.script } : {}),
  });
  const facilitator = await openAs(browser, board.links.facilitator, "Fran");
  const participants: Person[] = [];
  for (const name of options.participants ?? ["Priya"]) {
    participants.push(await openAs(browser, board.links.participant, name));
  }
  return { board, facilitator, participants };
}
