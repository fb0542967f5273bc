import { describe, expect, it } from "vitest";
import { browserAvailable } from "../support/browser";
import { useBoardHarness } from "./boardHarness";
import { goOffline, goOnline } from "./boardSockets";

describe.runIf(browserAvailable())("replacing a board's links", { timeout: 90_000 }, () => {
  const h = useBoardHarness("board-links");

  it("gives the participant link a new key and signs out whoever joined with the old one", async () => {
    const seeded = await h.seed();
    const fac = await h.open(seeded.board.links.facilitator, "Fran");
    const priya = await h.open(seeded.board.links.participant, "Priya");
    // Only holders of the facilitator link see the control.
    expect(await priya.page.getByRole("button", { name: "Links", exact: true }).count()).toBe(0);

    await fac.page.getByRole("button", { name: "Links", exact: true }).click();
    const dialog = fac.page.getByRole("dialog", { name: "Board links" });
    await dialog.getByRole("button", { name: "Replace participant link" }).click();
    await dialog.getByText("Replace the participant link?").waitFor();
    await dialog.getByRole("button", { name: "Replace", exact: true }).click();
    const field = dialog.getByRole("textbox", { name: "New participant link" });
    await field.waitFor();
    const link = await field.inputValue();
    expect(link).toContain(`/b/${seeded.board.id}#key=`);
    expect(link).not.toBe(seeded.board.links.participant);

    // Priya's session went with the old link, and she is told why instead of being sent
    // round a rejoin the old link cannot make; opening the old link again says the same.
    await priya.page
      .getByText("This link was replaced", { exact: true })
      .waitFor({ timeout: 30_000 });
    await priya.page.reload();
    await priya.page
      .getByText("This link was replaced", { exact: true })
      .waitFor({ timeout: 30_000 });
    // The new one does.
    const again = await h.open(link, "Priya");
    await again.page.getByText("Live", { exact: true }).waitFor();
  });

  it("tells someone who was offline while their link was replaced, once they are back", async () => {
    const seeded = await h.seed();
    const fac = await h.open(seeded.board.links.facilitator, "Fran");
    const priya = await h.open(seeded.board.links.participant, "Priya", { trackSockets: true });
    await goOffline(priya);
    await fac.page.getByRole("button", { name: "Links", exact: true }).click();
    const dialog = fac.page.getByRole("dialog", { name: "Board links" });
    await dialog.getByRole("button", { name: "Replace participant link" }).click();
    await dialog.getByRole("button", { name: "Replace", exact: true }).click();
    await dialog.getByRole("textbox", { name: "New participant link" }).waitFor();
    // Back online, her reconnects are refused at the handshake, which the page sees only as
    // failed connections; the client asks the API and learns why.
    await goOnline(priya);
    await priya.page
      .getByText("This link was replaced", { exact: true })
      .waitFor({ timeout: 30_000 });
  });

  it("moves the facilitator's own tab to a new facilitator link and shows it", async () => {
    const seeded = await h.seed();
    const fac = await h.open(seeded.board.links.facilitator, "Fran");
    await fac.page.getByRole("button", { name: "Links", exact: true }).click();
    const dialog = fac.page.getByRole("dialog", { name: "Board links" });
    await dialog.getByRole("button", { name: "Replace facilitator link" }).click();
    await dialog.getByRole("button", { name: "Replace", exact: true }).click();
    const field = fac.page
      .getByRole("dialog", { name: "Board links" })
      .getByRole("textbox", { name: "New facilitator link" });
    await field.waitFor({ timeout: 20_000 });
    const link = await field.inputValue();
    expect(link).not.toBe(seeded.board.links.facilitator);
    expect(fac.page.url()).toBe(link);
    await fac.page.getByRole("button", { name: "Done" }).click();
    await fac.page.getByText("Live", { exact: true }).waitFor();
  });
});
