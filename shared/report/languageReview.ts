import { checkLanguage } from "../language";
import type { FindingSource, LanguageFinding, LanguageReview } from "./reportTypes";

/** A piece of user text to review, and where it lives in the report. */
export interface ReviewSource {
  source: FindingSource;
  text: string;
}

// Enough context to recognise the sentence in the report without quoting whole cards.
const CONTEXT_CHARS = 40;

function excerpt(text: string, start: number, end: number): string {
  let from = Math.max(0, start - CONTEXT_CHARS);
  let to = Math.min(text.length, end + CONTEXT_CHARS);
  // Cut at a word boundary so the excerpt does not begin or end mid-word.
  if (from > 0) from = text.indexOf(" ", from) + 1 || from;
  if (to < text.length) to = text.lastIndexOf(" ", to) > end ? text.lastIndexOf(" ", to) : to;
  const body = text.slice(from, to).replace(/\s+/g, " ").trim();
  return `${from > 0 ? "…" : ""}${body}${to < text.length ? "…" : ""}`;
}

/** Runs the blameless-language check over every source and tallies what it found. */
export function reviewLanguage(sources: readonly ReviewSource[]): LanguageReview {
  const findings: LanguageFinding[] = [];
  for (const { source, text } of sources) {
    if (text.trim() === "") continue;
    for (const hit of checkLanguage(text)) {
      findings.push({
        source,
        phrase: hit.phrase,
        category: hit.category,
        suggestion: hit.suggestion,
        start: hit.start,
        end: hit.end,
        excerpt: excerpt(text, hit.start, hit.end),
      });
    }
  }
  const tally = new Map<string, LanguageReview["phrases"][number]>();
  for (const finding of findings) {
    const key = finding.phrase.toLowerCase();
    const entry = tally.get(key);
    if (entry) entry.count++;
    else {
      tally.set(key, {
        phrase: key,
        category: finding.category,
        suggestion: finding.suggestion,
        count: 1,
      });
    }
  }
  const phrases = [...tally.values()].sort(
    (a, b) => b.count - a.count || (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0),
  );
  return { count: findings.length, phrases, findings };
}
