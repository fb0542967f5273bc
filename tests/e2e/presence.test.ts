import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { join, meetingAction } from "../support/api";
import { browserAvailable, withScreenshots } from "../support/browser";
import { boardWithPeople } from "../support/e2eBoard";
import { QUICK_SCRIPT } from "../support/scripts";
import type { ServerHandle } from "../support/serverProcess";
import { waitFor } from "../support/waitFor";
import { useServerAndBrowser } from "./serverAndBrowser";

const enabled = browserAvailable();

const person = (page: Page, name: string) => page.locator(".presence-people li", { hasText: name });

/** What the time axis shows, label by label with its position: equal means the same view. */
function viewOf(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.querySelectorAll(".time-axis .tick")]
      .map((tick) => {
        const x = new DOMMatrixReadOnly(getComputedStyle(tick).transform).m41;
        return `${tick.textContent}@${Math.round(x)}`;
      })
      .join(" | "),
  );
}

async function sameView(a: Page, b: Page, what: string) {
  await waitFor(async () => (await viewOf(a)) === (await viewOf(b)), { what });
}

describe.runIf(enabled)("presence in real Chromium", () => {
  let server: ServerHandle;
  let browser: Browser;

  useServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it("shows who is here, who is ready, and where others point", async () => {
    const { board, facilitator, participants } = await boardWithPeople(browser, server.url, {
      script: QUICK_SCRIPT,
    });
    const fac = facilitator.page;
    const priya = participants[0]!.page;

    await withScreenshots("presence-people", [fac, priya], async () => {
      // Both people on both screens, the facilitator marked as such in words.
      await person(fac, "Fran (you), facilitator").waitFor();
      await person(fac, "Priya").waitFor();
      await person(priya, "Priya (you)").waitFor();
      await person(priya, "Fran, facilitator").waitFor();
      expect(await fac.locator(".presence-people li").count()).toBe(2);

      // Two tabs of one person are still one avatar.
      const again = await participants[0]!.context.newPage();
      await again.goto(board.links.participant);
      await again.getByText("Live", { exact: true }).waitFor({ timeout: 15_000 });
      await person(again, "Fran, facilitator").waitFor();
      expect(await fac.locator(".presence-people li").count()).toBe(2);
      await again.close();

      await fac.getByText("0 of 1 ready").waitFor();
      await priya.getByRole("button", { name: /ready/ }).click();
      await fac.getByText("1 of 1 ready").waitFor();
      await person(fac, "Priya, ready").waitFor();
      await person(fac, "Priya").locator(".avatar-badge-ready").waitFor();

      // "Ready" is about this phase: a new phase clears it.
      const { token } = await join(server.url, board.id, board.keys.facilitator, "Fran");
      await meetingAction(server.url, board.id, token, { action: "start" });
      await fac.getByText("0 of 1 ready").waitFor({ timeout: 10_000 });

      // Priya's pointer over the lanes shows on Fran's board with her name, and goes when she
      // leaves the lanes.
      const lanes = await priya.locator(".lanes-content").boundingBox();
      if (!lanes) throw new Error("no lanes on the board");
      await priya.mouse.move(lanes.x + 300, lanes.y + 40);
      await priya.mouse.move(lanes.x + 320, lanes.y + 60);
      await fac.locator(".presence-cursor-name", { hasText: "Priya" }).waitFor();
      await priya.mouse.move(5, 5);
      await fac
        .locator(".presence-cursor-name", { hasText: "Priya" })
        .waitFor({ state: "detached" });
    });
    await facilitator.context.close();
    for (const p of participants) await p.context.close();
  }, 60_000);

  it("follows the facilitator's view until the follower moves the board", async () => {
    const { facilitator, participants } = await boardWithPeople(browser, server.url, {
      script: QUICK_SCRIPT,
    });
    const fac = facilitator.page;
    const priya = participants[0]!.page;

    await withScreenshots("presence-follow", [fac, priya], async () => {
      expect(await fac.getByRole("button", { name: "Follow the facilitator" }).count()).toBe(0);
      const follow = priya.getByRole("button", { name: "Follow the facilitator" });

      // Fran looks somewhere else first, so following visibly changes Priya's view.
      await fac.getByRole("button", { name: "Zoom in" }).click();
      await fac.getByRole("button", { name: "Zoom in" }).click();
      expect(await viewOf(fac)).not.toBe(await viewOf(priya));

      await follow.click();
      expect(await follow.getAttribute("aria-pressed")).toBe("true");
      await priya.getByText("Following Fran’s view.").waitFor();
      await sameView(fac, priya, "Priya's view to match Fran's");

      // Fran pans and zooms; Priya's board goes along.
      await fac.getByRole("region", { name: "Lanes" }).focus();
      await fac.keyboard.press("ArrowRight");
      await fac.keyboard.press("ArrowRight");
      await sameView(fac, priya, "Priya's view to follow Fran's pan");
      await fac.getByRole("button", { name: "Zoom out" }).click();
      await sameView(fac, priya, "Priya's view to follow Fran's zoom");

      // Priya moves the board herself: following stops, and she is told so.
      await priya.getByRole("region", { name: "Lanes" }).focus();
      await priya.keyboard.press("ArrowLeft");
      await priya.getByText("Stopped following — you moved the board.").waitFor();
      const again = priya.getByRole("button", { name: "Follow again" });
      expect(await again.getAttribute("aria-pressed")).toBe("false");
      const hers = await viewOf(priya);
      await fac.getByRole("button", { name: "Zoom out" }).click();
      await fac.waitForTimeout(500);
      expect(await viewOf(priya)).toBe(hers);

      await again.click();
      await sameView(fac, priya, "Priya's view to match Fran's again");
    });
    await facilitator.context.close();
    for (const p of participants) await p.context.close();
  }, 60_000);
});
