import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportSchema } from "../../shared/report";
import {
  getReport,
  LIVE_CARD,
  LIVE_TITLE,
  type LiveBoard,
  seedLiveBoard,
} from "../fixtures/report/liveBoard";
import { createBoard, join } from "../support/api";
import { type ServerHandle, startServer } from "../support/serverProcess";

let server: ServerHandle;
let live: LiveBoard;

beforeAll(async () => {
  server = await startServer();
  live = await seedLiveBoard(server);
}, 60_000);

afterAll(async () => {
  await server.stop();
});

const ASCII_NAME = "storung-im-checkout-postmortem";
const UTF8_NAME = "st%C3%B6rung-im-checkout-postmortem";

describe("GET /api/boards/:id/report", () => {
  it("serves Markdown by default, as an attachment named after the title", async () => {
    const res = await getReport(server, live.board.id, live.participant.token);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="${ASCII_NAME}.md"; filename*=UTF-8''${UTF8_NAME}.md`,
    );
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const body = await res.text();
    expect(body.startsWith(`# ${LIVE_TITLE}\n`)).toBe(true);
    expect(body).toContain(`**Priya** saw: ${LIVE_CARD}`);
    expect(body).toContain("| Set the stage |");
  });

  it("serves each format with its content type and file extension", async () => {
    const cases = [
      ["md", "text/markdown; charset=utf-8"],
      ["html", "text/html; charset=utf-8"],
      ["json", "application/json"],
    ] as const;
    for (const [format, type] of cases) {
      const res = await getReport(server, live.board.id, live.facilitator.token, format);
      expect(res.status, format).toBe(200);
      expect(res.headers.get("content-type"), format).toBe(type);
      expect(res.headers.get("content-disposition"), format).toContain(
        `filename="${ASCII_NAME}.${format}"`,
      );
      expect(res.headers.get("content-disposition"), format).toContain(
        `filename*=UTF-8''${UTF8_NAME}.${format}`,
      );
    }
  });

  it("answers JSON that matches the published schema", async () => {
    const res = await getReport(server, live.board.id, live.observer.token, "json");
    const report = reportSchema.parse(await res.json());
    expect(report.title).toBe(LIVE_TITLE);
    expect(report.timezone).toBe("Europe/Berlin");
    expect(report.cards.map((card) => card.text)).toEqual(["Deploy 2.3 starts", LIVE_CARD]);
    expect(report.participants.map((p) => p.name)).toEqual(["Priya"]);
    expect(report.meeting?.status).toBe("ended");
    expect(report.meeting?.runs.map((run) => run.phaseId)).toEqual(["stage", "timeline"]);
  });

  it("serves a self-contained HTML page", async () => {
    const res = await getReport(server, live.board.id, live.observer.token, "html");
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain(`<h1>${LIVE_TITLE}</h1>`);
    expect(html).not.toMatch(/<script|<link\b|src="/);
  });

  it("lets every role read it", async () => {
    for (const session of [live.facilitator, live.participant, live.observer]) {
      const res = await getReport(server, live.board.id, session.token, "md");
      expect(res.status, session.role).toBe(200);
    }
  });

  it("refuses without a valid session for this board, and an unknown format", async () => {
    expect((await getReport(server, live.board.id, null)).status).toBe(401);
    expect((await getReport(server, live.board.id, "not-a-token")).status).toBe(401);
    const other = await createBoard(server.url, { title: "Another board" });
    const stranger = await join(server.url, other.id, other.keys.facilitator, "Sam");
    const forbidden = await getReport(server, live.board.id, stranger.token);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.text()).not.toContain(LIVE_CARD);
    const bad = await getReport(server, live.board.id, live.observer.token, "pdf");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: "format must be one of md, html, json" });
  });

  it("names an ASCII title's file without filename*, and renders a board nobody wrote on", async () => {
    const plain = await createBoard(server.url, { title: "Login errors (EU)" });
    const fac = await join(server.url, plain.id, plain.keys.facilitator, "Fran");
    const res = await getReport(server, plain.id, fac.token, "html");
    expect(res.headers.get("content-disposition")).toBe(
      'attachment; filename="login-errors-eu-postmortem.html"',
    );
    const html = await res.text();
    expect(html).toContain("There are no cards on the board yet.");
    expect(html).toContain("The meeting has not started.");
  });
});
