// Phrases that point at a person instead of at the work: they invite a defence, end the inquiry
// early ("root cause is where you stop looking") or replay the incident with hindsight.
const BLAMING_PHRASES: readonly { phrase: string; pattern: RegExp }[] = [
  { phrase: "why did you", pattern: /\bwhy (?:did|didn't|did not) (?:you|they|he|she)\b/i },
  { phrase: "root cause", pattern: /\broot[- ]causes?\b/i },
  { phrase: "should have", pattern: /\bshould(?:n't| not)? have\b/i },
  { phrase: "fault", pattern: /\bfault(?:s|y)?\b/i },
  // "blameless" names the ground rule itself and is not blaming language.
  { phrase: "blame", pattern: /\bblam(?:e|ed|es|ing)\b/i },
  { phrase: "human error", pattern: /\bhuman errors?\b/i },
];

// A negation before the phrase in the same sentence marks a ground rule being set ("we are not
// here to find fault", "there is no single root cause"), which is exactly how to name them.
const NEGATION = /\b(?:no|not|never|nobody|no one|nor|without)\b|n't\b/i;

/**
 * Returns the blaming phrases in `text` (empty when clean), by sentence. A phrase is allowed only
 * in a sentence that negates it first, i.e. one that sets the no-blame ground rule. A heuristic
 * for reviewing prompts, not a filter for what people write on the board.
 */
export function findBlamingLanguage(text: string): string[] {
  const found: string[] = [];
  for (const sentence of text.split(/(?<=[.!?:;])\s+/)) {
    for (const { phrase, pattern } of BLAMING_PHRASES) {
      const match = pattern.exec(sentence);
      if (!match) continue;
      if (NEGATION.test(sentence.slice(0, match.index))) continue;
      found.push(phrase);
    }
  }
  return found;
}
