import { describe, expect, it } from "vitest";
import { buildReport, renderHtml, renderMarkdown, reportSchema } from "../../shared/report";
import { escapeMarkdown, inlinesToMarkdown } from "../../shared/report/markdownText";
import { safeHref } from "../../shared/report/richBlocks";
import {
  buildHostileBoardDoc,
  buildHostileMeetingDoc,
  HOSTILE,
  HREFS,
} from "../fixtures/report/hostileBoard";

const report = () =>
  buildReport(buildHostileBoardDoc(), buildHostileMeetingDoc(), { generatedAt: 0 });

describe("link targets", () => {
  it("keeps only http:, https: and mailto: links", () => {
    expect(safeHref(HREFS.https)).toBe("https://example.com/ok?a=1&b=%3C2%3E");
    expect(safeHref(HREFS.mailto)).toBe("mailto:oncall@example.com");
    expect(safeHref("HTTP://EXAMPLE.COM")).toBe("http://example.com/");
    for (const bad of [
      HREFS.javascript,
      HREFS.mixedCase,
      HREFS.tabbed,
      HREFS.data,
      HREFS.vbscript,
      HREFS.relative,
      " javascript:x",
      "",
      "#top",
    ]) {
      expect(safeHref(bad), bad).toBeNull();
    }
    expect(safeHref(42)).toBeNull();
  });

  it("drops unsafe links from the model itself, keeping their text", () => {
    const links = report().cards.find((card) => card.id === "links");
    const first = links?.blocks[0];
    const hrefs =
      first?.type === "paragraph"
        ? first.content.map((i) => (i.type === "text" ? i.href : undefined))
        : [];
    expect(hrefs.filter(Boolean)).toEqual([
      "https://example.com/ok?a=1&b=%3C2%3E",
      "mailto:oncall@example.com",
    ]);
    expect(links?.text).toContain("javascript link");
    expect(reportSchema.safeParse(report()).success).toBe(true);
  });
});

describe("HTML escaping", () => {
  const html = renderHtml(report());

  it("writes no markup from user text: no scripts, handlers, frames or svg", () => {
    expect(html).not.toMatch(/<script|<svg|<iframe|<img|<b on/i);
    // Every "on…=" in the page is escaped text, never an attribute of a tag.
    for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) expect(tag).not.toMatch(/\son\w+=/i);
    expect(html).not.toMatch(/href="(?!https?:|mailto:|#)/i);
  });

  it("shows the payloads as text", () => {
    expect(html).toContain("&lt;script&gt;window.__xss=&quot;card&quot;&lt;/script&gt;");
    expect(html).toContain("&quot;&gt;&lt;svg onload=alert(1)&gt;");
    expect(html).toContain("&lt;img src=x onerror=&quot;window.__xss=&#39;lane&#39;&quot;&gt;");
    expect(html).toContain("<code>&lt;/code&gt;&lt;script&gt;alert(6)&lt;/script&gt;</code>");
    expect(html).toContain("&lt;b onmouseover=alert(5)&gt;pd&lt;/b&gt;");
    expect(html).toContain("&lt;script&gt;window.__xss=&quot;phase&quot;&lt;/script&gt;");
    expect(html).toContain("javascript link");
  });

  it("escapes the language review's excerpt around the marked phrase", () => {
    expect(html).toContain(
      "They <mark>should have</mark> &lt;script&gt;alert(7)&lt;/script&gt; checked.",
    );
  });

  it("forbids scripts and remote loads in the page itself", () => {
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`,
    );
    expect(
      html.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">'),
    ).toBe(true);
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\/(?!example\.com)/);
  });
});

describe("Markdown escaping", () => {
  const md = renderMarkdown(report());

  it("turns Markdown and HTML in user text into literal characters", () => {
    expect(escapeMarkdown(HOSTILE.markdown)).toBe(
      "\\*\\*not bold\\*\\* \\_x\\_ \\[click\\](javascript:alert(1)) \\| pipe # \\`tick\\` \\<b\\>\\&lt;\\</b\\>",
    );
    expect(md).toContain('\\<script\\>window.\\_\\_xss="card"\\</script\\>');
    // No raw tag but our own <br> outside code, where Markdown shows "<" literally; "\<" is
    // escaped text and "(<" opens a link target.
    const outsideCode = md.replace(/```[\s\S]*?```/g, "").replace(/(`+)[\s\S]*?\1/g, "");
    expect(outsideCode).not.toMatch(/(?<![\\(])<(?!br>)[a-z/]/i);
    expect(md).toContain("`</code><script>alert(6)</script>`");
    // "\[click\](javascript:…)" is escaped text; an unescaped "](" would make it a link.
    expect(md).not.toMatch(/(?<!\\)\]\(<?javascript:/);
    expect(md).toContain("\\[click\\](javascript:alert(1))");
  });

  it("escapes block syntax only where a line starts", () => {
    expect(escapeMarkdown("# not a heading", true)).toBe("\\# not a heading");
    expect(escapeMarkdown("1. not a list", true)).toBe("1\\. not a list");
    expect(escapeMarkdown("- not a list", true)).toBe("\\- not a list");
    expect(escapeMarkdown("    not code", true)).toBe("not code");
    expect(escapeMarkdown("v1.2 - fine # here")).toBe("v1.2 - fine # here");
  });

  it("writes links only to safe targets, with the target fenced in <…>", () => {
    expect(md).toContain("[https link](<https://example.com/ok?a=1&b=%3C2%3E>)");
    expect(md).toContain("[mailto link](<mailto:oncall@example.com>)");
    expect(md).toContain("javascript link");
    expect(md).not.toContain("[javascript link]");
  });

  it("keeps table cells on one line with pipes escaped, even inside code", () => {
    const cell = inlinesToMarkdown(
      [
        { type: "text", text: "a | b\nc", marks: [] },
        { type: "text", text: "x|`y`", marks: ["code"] },
      ],
      "cell",
      "<br>",
    );
    expect(cell).toBe("a \\| b<br>c`` x\\|`y` ``");
  });

  it("puts emphasis markers against the text so they render", () => {
    const bold = inlinesToMarkdown(
      [{ type: "text", text: " bold ", marks: ["bold"] }],
      "block",
      "\\\n",
    );
    expect(bold).toBe("**bold**");
    const merged = inlinesToMarkdown(
      [
        { type: "text", text: "a", marks: ["bold"] },
        { type: "text", text: "b", marks: ["bold"] },
      ],
      "block",
      "\\\n",
    );
    expect(merged).toBe("**ab**");
  });
});
