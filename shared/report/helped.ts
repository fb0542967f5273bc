// The board has no "helped" tag, and guessing from wording would put words in people's mouths.
// So the rule is explicit and visible on the board itself: a card of any kind whose text starts
// with "Helped:" is something that helped. docs/report.md states the rule; the report says how
// to add an entry when the section is empty.
const HELPED_PREFIX = /^\s*helped\s*:/i;

/** True when a card's plain text marks it as something that helped ("Helped: …"). */
export function isHelpedText(text: string): boolean {
  return HELPED_PREFIX.test(text);
}
