import { LANGUAGE_RULES, type LanguageCategory, type LanguageRule } from "./languageRules";
import { normaliseForMatching } from "./wordPattern";

/** One flagged phrase: `text.slice(start, end) === phrase`, offsets in UTF-16 code units. */
export interface LanguageFinding {
  start: number;
  end: number;
  phrase: string;
  category: LanguageCategory;
  suggestion: string;
  /** Id of the rule that matched, e.g. "should-have". */
  ruleId: string;
}

// Ground-rule negations must sit close before the phrase, in the same clause: "nobody is to
// blame" sets a rule, while "I didn't check because it was his fault" still assigns fault.
const NEGATION_WINDOW_WORDS = 5;
// Far enough back for five words; bounds the work per finding.
const NEGATION_LOOKBACK_CHARS = 80;
const CLAUSE_END = /[.!?;:\n]/;
const WORD = /[\p{L}\p{N}'-]+/gu;
const NEGATORS = new Set([
  "no",
  "not",
  "never",
  "nobody",
  "nobody's",
  "noone",
  "none",
  "nor",
  "neither",
  "without",
  "cannot",
  "avoid",
  "avoiding",
  "rather",
  "instead",
  "beyond",
  "rarely",
  "seldom",
]);

// A new clause starts after these; a negation before them belongs to another statement.
const CLAUSE_STARTERS = new Set([
  "because",
  "but",
  "since",
  "so",
  "although",
  "though",
  "when",
  "while",
  "after",
  "before",
  "until",
  "yet",
  "however",
]);

function isNegator(word: string): boolean {
  const lower = word.toLowerCase();
  return NEGATORS.has(lower) || lower.endsWith("n't");
}

/** True when a negation stands among the few words before `start` in the same clause. */
function negatedBefore(text: string, start: number): boolean {
  let from = Math.max(0, start - NEGATION_LOOKBACK_CHARS);
  for (let i = start - 1; i >= from; i--) {
    if (CLAUSE_END.test(text.charAt(i))) {
      from = i + 1;
      break;
    }
  }
  const words = text.slice(from, start).match(WORD) ?? [];
  // "no one" is two words; look at pairs as well as single words.
  let recent = words.slice(-NEGATION_WINDOW_WORDS);
  const clauseStart = recent.findLastIndex((w) => CLAUSE_STARTERS.has(w.toLowerCase()));
  if (clauseStart >= 0) recent = recent.slice(clauseStart + 1);
  return recent.some(isNegator) || /\bno one\b/i.test(recent.join(" "));
}

const OPENING_QUOTES = new Set(["“", '"', "‘", "'", "«"]);
const CLOSING_QUOTES = new Set(["”", '"', "’", "'", "»"]);

/** A phrase wrapped in quotes is mentioned, not used: “root cause” in a ground rule or a quote. */
function quoted(text: string, start: number, end: number): boolean {
  return OPENING_QUOTES.has(text.charAt(start - 1)) && CLOSING_QUOTES.has(text.charAt(end));
}

function matchesOf(rule: LanguageRule, text: string, original: string): LanguageFinding[] {
  const found: LanguageFinding[] = [];
  // The rule's regex is shared and global: reset it, and never leave it mid-scan.
  const pattern = rule.pattern;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0] === "") {
      pattern.lastIndex++;
      continue;
    }
    const start = match.index;
    const end = start + match[0].length;
    if (quoted(original, start, end)) continue;
    if (rule.accept && !rule.accept(original, match)) continue;
    if (rule.groundRule && negatedBefore(text, start)) continue;
    found.push({
      start,
      end,
      phrase: "",
      category: rule.category,
      suggestion: rule.suggestion,
      ruleId: rule.id,
    });
  }
  pattern.lastIndex = 0;
  return found;
}

/**
 * Finds wording that blames, judges, replays with hindsight or narrows to one cause, with a
 * kind suggestion for each. Case-insensitive, whole words only, typographic apostrophes
 * understood; ground-rule sentences ("there is no single root cause") and phrases in quotes
 * (mentioned, not used) are not flagged.
 * Overlapping hits keep the earliest, then longest. One regex pass per rule.
 */
export function checkLanguage(text: string): LanguageFinding[] {
  if (text === "") return [];
  const normalised = normaliseForMatching(text);
  const all = LANGUAGE_RULES.flatMap((rule) => matchesOf(rule, normalised, text));
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: LanguageFinding[] = [];
  let reached = 0;
  for (const finding of all) {
    if (finding.start < reached) continue;
    kept.push({ ...finding, phrase: text.slice(finding.start, finding.end) });
    reached = finding.end;
  }
  return kept;
}
