import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ImportError, parseSlackExport, slackTextToPlain } from "../../shared/import";

const fixture = (name: string) =>
  fs.readFileSync(path.join(import.meta.dirname, "../fixtures/import", name), "utf8");
const context = { timeZone: "Europe/Berlin", source: "slack" };

function refusal(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error("expected an ImportError");
}

describe("slackTextToPlain", () => {
  const names = new Map([["U02ANA", "Ana Lima"]]);

  it("turns mentions into names, falling back to the token's label and then the id", () => {
    expect(slackTextToPlain("<@U02ANA> and <@U09X|chris> and <@U07Q>", names)).toBe(
      "@Ana Lima and @chris and @U07Q",
    );
  });

  it("turns channels, special mentions and groups into readable text", () => {
    expect(
      slackTextToPlain("<#C0INC|inc-checkout> <!here> <!channel> <!subteam^S1|@oncall>", names),
    ).toBe("#inc-checkout @here @channel @oncall");
    expect(slackTextToPlain("at <!date^1793624592^{time}|14:03> sharp", names)).toBe(
      "at 14:03 sharp",
    );
  });

  it("keeps a link's address next to its label", () => {
    expect(slackTextToPlain("see <https://grafana.example.com/d/cart|the dashboard>", names)).toBe(
      "see the dashboard (https://grafana.example.com/d/cart)",
    );
    expect(slackTextToPlain("<https://example.com>", names)).toBe("https://example.com");
    expect(slackTextToPlain("<https://example.com|https://example.com>", names)).toBe(
      "https://example.com",
    );
    expect(slackTextToPlain("<mailto:sre@example.com|sre@example.com>", names)).toBe(
      "sre@example.com",
    );
  });

  it("decodes &amp; &lt; &gt; after the tokens, so escaped brackets stay text", () => {
    expect(slackTextToPlain("a &lt;b&gt; &amp; &amp;lt; <@U02ANA>", names)).toBe(
      "a <b> & &lt; @Ana Lima",
    );
    expect(slackTextToPlain("&lt;@U02ANA&gt;", names)).toBe("<@U02ANA>");
  });

  it("leaves emphasis and emoji codes as typed", () => {
    expect(slackTextToPlain("*rollback* :rotating_light:", names)).toBe(
      "*rollback* :rotating_light:",
    );
  });
});

describe("parseSlackExport", () => {
  it("reads a channel export: readable text, author sources, no joins, leaves or bare files", () => {
    const rows = parseSlackExport(fixture("slack-export.json"), context);
    expect(rows).toEqual([
      {
        line: 10,
        at: Date.parse("2026-11-02T13:03:12.000Z"),
        text: "[FIRING] checkout error rate 7.2% > 5% (P1)",
        source: "slack: PagerDuty",
      },
      {
        line: 21,
        at: Date.parse("2026-11-02T13:04:05.000Z"),
        text: "Ack, looking. @here checkout errors since the deploy & carts are failing",
        source: "slack: Ana Lima",
      },
      {
        line: 28,
        at: Date.parse("2026-11-02T13:05:40.000Z"),
        text: "@Ana Lima p99 on /api/cart is at 2.4s, see the cart dashboard (https://grafana.example.com/d/cart)",
        source: "slack: Ben",
      },
      {
        line: 42,
        at: Date.parse("2026-11-02T13:07:02.000Z"),
        text: "Rolling back to v4.11.3 in #inc-checkout",
        source: "slack: Ana Lima",
      },
      {
        line: 58,
        at: Date.parse("2026-11-02T13:31:00.000Z"),
        text: "Error rate back under 1%, status page set to <resolved>",
        source: "slack: Ben",
      },
    ]);
  });

  it("reads ts to the millisecond without float rounding", () => {
    const rows = parseSlackExport('[{"ts":"1793624592.999999","user":"U1","text":"x"}]', context);
    expect(rows[0]?.at).toBe(1793624592999);
    expect(rows[0]?.source).toBe("slack: U1");
  });

  it("prefixes the author with the request's source and keeps it within the model's limit", () => {
    const profile = { real_name: "A".repeat(200) };
    const content = JSON.stringify([
      { ts: "1793624592.0", user: "U1", user_profile: profile, text: "x" },
    ]);
    const [row] = parseSlackExport(content, { ...context, source: "slack #inc-42" });
    expect(row?.source).toBe(`slack #inc-42: ${"A".repeat(85)}`);
    expect(row?.source).toHaveLength(100);
  });

  it("refuses messages without a readable ts, naming the line the message starts on", () => {
    const error = refusal(() => parseSlackExport(fixture("slack-export-bad.json"), context));
    expect(error.problems).toEqual([
      { line: 8, reason: 'message 2: "ts" must be a string like "1793628192.000200"' },
      { line: 13, reason: 'message 3: "ts" must be a string like "1793628192.000200"' },
    ]);
  });

  it("refuses what is not a Slack export", () => {
    expect(refusal(() => parseSlackExport('{"messages":[]}', context)).message).toMatch(
      /^line 1: a Slack export is a JSON array of messages/,
    );
    expect(refusal(() => parseSlackExport('[1, {"ts":"1"}]', context)).message).toBe(
      "line 1: message 1: not an object",
    );
    const broken = refusal(() => parseSlackExport('[\n  {"ts": "1",\n  "text": }\n]', context));
    expect(broken.message).toMatch(/not valid JSON/);
    // Engines that report where parsing failed (V8 in Node 22+) get the line; Node 20 does not.
    if (/position \d+/.test(broken.message)) expect(broken.problems[0]?.line).toBe(3);
    else expect(broken.problems[0]?.line).toBeNull();
  });

  it("refuses a message whose text is longer than a card holds", () => {
    const content = JSON.stringify([{ ts: "1793624592.0", user: "U1", text: "x".repeat(10_001) }]);
    expect(refusal(() => parseSlackExport(content, context)).message).toBe(
      "line 1: text is 10,001 characters; a card holds at most 10,000",
    );
  });
});
