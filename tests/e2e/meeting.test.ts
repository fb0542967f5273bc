import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { addDraftCard, readDraftCards } from "../../shared/board";
import { join, meetingAction, type SessionReply } from "../support/api";
import { browserAvailable, withScreenshots } from "../support/browser";
import { boardWithPeople } from "../support/e2eBoard";
import { QUICK_SCRIPT } from "../support/scripts";
import type { ServerHandle } from "../support/serverProcess";
import { connectClient, synced } from "../support/syncClient";
import { waitFor } from "../support/waitFor";
import { useServerAndBrowser } from "./serverAndBrowser";

const enabled = browserAvailable();

const bar = (page: Page) => page.locator(".meeting-bar");

/** Waits until the meeting bar shows this phase title. */
async function phaseShown(page: Page, title: string) {
  await bar(page).locator(".meeting-title", { hasText: title }).waitFor({ timeout: 10_000 });
}

async function statusShown(page: Page, status: string) {
  await bar(page).locator(".meeting-status", { hasText: status }).waitFor({ timeout: 10_000 });
}

/** The countdown in seconds; overtime reads as negative. */
async function countdownSeconds(page: Page): Promise<number> {
  const text = (await bar(page).getByRole("timer").textContent()) ?? "";
  const match = /^(\+)?(?:(\d+):)?(\d+):(\d{2})(?: over)?$/.exec(text.trim());
  if (!match) throw new Error(`countdown "${text}" is not a clock`);
  const [, over, h, m, s] = match;
  const seconds = Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s);
  return over ? -seconds : seconds;
}

/** Writes private drafts as `who` over the stock provider and waits until they are stored. */
async function writeDrafts(wsUrl: string, boardId: string, who: SessionReply, texts: string[]) {
  const room = `${boardId}/drafts/${who.participantId}`;
  const client = connectClient(wsUrl, room, who.token);
  await synced(client);
  texts.forEach((text, i) => {
    addDraftCard(client.doc, {
      at: Date.parse("2026-11-02T14:05:00+01:00") + i * 60_000,
      kind: "observation",
      text,
      authorId: who.participantId,
    });
  });
  const check = connectClient(wsUrl, room, who.token);
  await synced(check);
  await waitFor(() => readDraftCards(check.doc).length === texts.length, {
    what: `${who.name}'s drafts stored`,
  });
  check.destroy();
  client.destroy();
}

describe.runIf(enabled)("the meeting bar in real Chromium", () => {
  let server: ServerHandle;
  let browser: Browser;

  useServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it("lets the facilitator run the meeting from the bar while a participant follows every step", async () => {
    const { board, facilitator, participants } = await boardWithPeople(browser, server.url, {
      script: QUICK_SCRIPT,
    });
    const fac = facilitator.page;
    const priya = participants[0]!.page;
    // Ana writes on her own and is not in a browser: her drafts come in over the stock provider.
    const ana = await join(server.url, board.id, board.keys.participant, "Ana");

    await withScreenshots("meeting-run", [fac, priya], async () => {
      await statusShown(priya, "Not started");
      await fac.getByRole("button", { name: "Start meeting" }).click();

      await phaseShown(priya, "Set the stage");
      await statusShown(priya, "Running");
      await bar(priya).getByText("Phase 1 of 3", { exact: true }).waitFor();
      // The phase's prompts arrive on their own (at its start, 400 ms and 1.2 s in): the newest
      // is prominent, the earlier ones wait behind it, newest first.
      await bar(priya)
        .locator(".prompt-newest", { hasText: "Who else should be heard?" })
        .waitFor({ timeout: 10_000 });
      await bar(priya).getByText("Earlier prompts (2)").click();
      const feed = await bar(priya).locator(".prompt-list .prompt-text").allTextContents();
      expect(feed).toEqual([
        "What do we want to understand by the end?",
        "We are here to learn how this made sense at the time.",
      ]);

      // A one-minute phase: whatever the clock offsets, the countdown is under a minute and
      // well above zero, on both screens.
      for (const page of [fac, priya]) {
        const left = await countdownSeconds(page);
        expect(left).toBeGreaterThan(30);
        expect(left).toBeLessThanOrEqual(60);
      }

      await fac.getByRole("button", { name: "Pause" }).click();
      await statusShown(priya, "Paused");
      await statusShown(fac, "Paused");
      await bar(priya).getByText("left · paused").waitFor();
      const frozen = await countdownSeconds(priya);
      await priya.waitForTimeout(1_500);
      expect(await countdownSeconds(priya)).toBe(frozen);

      await fac.getByRole("button", { name: "Resume" }).click();
      await statusShown(priya, "Running");

      await fac.getByRole("button", { name: "Next phase" }).click();
      await phaseShown(priya, "Write alone");
      await bar(priya).getByText("Phase 2 of 3", { exact: true }).waitFor();
      await bar(priya)
        .locator(".prompt-newest", { hasText: "what did you see first?" })
        .waitFor({ timeout: 10_000 });
      await bar(priya).getByText("only you can see your cards until the reveal").waitFor();

      // Counts, never content: the facilitator sees that Ana writes, not what.
      await writeDrafts(server.wsUrl, board.id, ana, [
        "Ana saw checkout latency climb first",
        "Ana expected the canary to catch it",
      ]);
      await bar(fac).getByText("Writing… (1 of 2)").waitFor({ timeout: 10_000 });
      await bar(fac).locator(".writer-list li", { hasText: "Ana" }).getByText("2").waitFor();
      expect(await priya.getByText("Ana saw checkout latency climb first").count()).toBe(0);

      await fac.getByRole("button", { name: "Reveal drafts" }).click();
      await priya
        .getByText("Ana saw checkout latency climb first")
        .first()
        .waitFor({ timeout: 10_000 });
      await priya.getByText("Ana expected the canary to catch it").first().waitFor();

      await fac.getByRole("button", { name: "Next phase" }).click();
      await phaseShown(priya, "Walk the timeline");
      // The last phase: there is no next one, only the end.
      const next = fac.getByRole("button", { name: "Next phase" });
      expect(await next.getAttribute("aria-disabled")).toBe("true");
      // Still focusable, so keyboard users keep their place, and a press does nothing.
      await next.focus();
      await fac.keyboard.press("Enter");
      await fac.waitForTimeout(300);
      await phaseShown(fac, "Walk the timeline");

      await fac.getByRole("button", { name: "Previous" }).click();
      await phaseShown(priya, "Write alone");

      await fac.getByRole("button", { name: "Go to phase" }).click();
      await fac.getByRole("button", { name: /3\. Walk the timeline/ }).click();
      await phaseShown(priya, "Walk the timeline");

      await fac.getByRole("button", { name: "+5 min" }).click();
      await waitFor(async () => (await countdownSeconds(priya)) > 5 * 60, {
        what: "the extension on the participant's clock",
      });

      await fac.getByRole("button", { name: "End meeting…" }).click();
      const dialog = fac.getByRole("dialog", { name: "End the meeting for everyone?" });
      await dialog.getByRole("button", { name: "Keep going" }).click();
      await statusShown(priya, "Running");
      await fac.getByRole("button", { name: "End meeting…" }).click();
      await dialog.getByRole("button", { name: "End meeting", exact: true }).click();
      await statusShown(priya, "Ended");
      await statusShown(fac, "Ended");
    });
    await facilitator.context.close();
    for (const person of participants) await person.context.close();
  }, 90_000);

  it("shows participants no controls, and the API refuses them all the same", async () => {
    const { board, facilitator, participants } = await boardWithPeople(browser, server.url, {
      script: QUICK_SCRIPT,
      participants: ["Priya", "Noor"],
    });
    const fac = facilitator.page;
    const priya = participants[0]!.page;
    const noor = participants[1]!.page;

    await withScreenshots("meeting-refused", [fac, priya, noor], async () => {
      await bar(fac).getByRole("group", { name: "Facilitator controls" }).waitFor();
      await statusShown(priya, "Not started");
      expect(await bar(priya).getByRole("group", { name: "Facilitator controls" }).count()).toBe(0);
      expect(await priya.getByRole("button", { name: "Start meeting" }).count()).toBe(0);

      // The server is the authority, whatever a client shows.
      const sam = await join(server.url, board.id, board.keys.participant, "Sam");
      const olga = await join(server.url, board.id, board.keys.observer, "Olga");
      for (const who of [sam, olga]) {
        for (const body of [{ action: "start" }, { action: "reveal" }, { action: "end" }]) {
          const refused = await meetingAction(server.url, board.id, who.token, body);
          expect(refused.status).toBe(403);
        }
      }
      await priya.waitForTimeout(300);
      await statusShown(priya, "Not started");

      // Handing over: the facilitator grants the role, and the controls appear for Priya.
      await fac.getByRole("button", { name: "Share facilitation" }).click();
      await fac.getByRole("button", { name: /Priya/ }).click();
      await fac.getByText("Priya can now steer the meeting too.").waitFor();
      // And Priya is told, not left to find new buttons.
      await bar(priya)
        .getByText(/shared the meeting controls with you/)
        .waitFor();
      // Everyone else is told who steers now, by name.
      await bar(noor).getByText("Priya can now steer the meeting too.").waitFor();
      await bar(priya).getByRole("button", { name: "Start meeting" }).click();
      await statusShown(fac, "Running");
      await bar(priya).getByRole("button", { name: "Pause" }).waitFor();

      // Taking it back: Priya's controls go again.
      await fac.getByRole("button", { name: "Share facilitation" }).click();
      await fac.getByRole("button", { name: /Priya.*Take back/ }).click();
      await fac.getByText("Priya no longer steers the meeting.").waitFor();
      await bar(priya).getByRole("button", { name: "Pause" }).waitFor({ state: "detached" });
      await bar(priya)
        .getByText("The meeting controls were handed back to the facilitator.")
        .waitFor();
      await bar(noor).getByText("Priya no longer steers the meeting.").waitFor();
      await bar(priya).getByRole("button", { name: "Dismiss" }).click();
      await bar(priya)
        .getByText(/meeting controls/)
        .waitFor({ state: "detached" });
      await statusShown(priya, "Running");
    });
    await facilitator.context.close();
    for (const person of participants) await person.context.close();
  }, 60_000);
});
