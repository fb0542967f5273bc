import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { browserAvailable } from "../support/browser";
import { useBoardHarness } from "./boardHarness";
import { STORY_CARDS } from "./boardStory";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const update = process.env.UPDATE_SCREENSHOTS === "1";

// The README's pictures of the real board. Run with UPDATE_SCREENSHOTS=1 to redraw them; the
// normal suite skips this, since a picture is checked by looking at it.
describe.runIf(update && browserAvailable())("README screenshots", { timeout: 120_000 }, () => {
  const h = useBoardHarness("board-screenshots");

  it("draws a populated board in the light and the dark theme", async () => {
    const seeded = await h.seed({ people: ["Priya", "Marco", "Aiko"], cards: STORY_CARDS });
    await seeded.meeting({ action: "start" });
    await seeded.meeting({ action: "goto", phaseId: "walkthrough" });
    const dir = path.join(repoRoot, "docs/screenshots");
    fs.mkdirSync(dir, { recursive: true });

    for (const scheme of ["light", "dark"] as const) {
      const fran = await h.open(seeded.board.links.facilitator, "Fran", {
        colorScheme: scheme,
        viewport: { width: 1600, height: 1200 },
      });
      const page = fran.page;
      // The side panels folded, so the lanes have the room; every card's editor live.
      // Dispatched, not clicked: how the panel lays out its tabs is not this picture's concern.
      await page.getByRole("button", { name: "Hide side panel" }).dispatchEvent("click");
      await page.getByRole("button", { name: "Fit all" }).click();
      await expect.poll(() => page.locator(".card-preview").count(), { timeout: 15_000 }).toBe(0);
      await page.mouse.move(0, 0);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.screenshot({
        path: path.join(dir, scheme === "light" ? "board.png" : "board-dark.png"),
      });
      // Gone before the next picture, or Fran would be in it twice.
      await fran.context.close();
    }
  });
});
