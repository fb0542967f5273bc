// Word boundaries for the language rules. JavaScript's `\b` only knows ASCII letters and treats
// "-" and "'" as breaks, so "non-obvious" would hit "obvious" and "fault-tolerant" would hit
// "fault". Here a phrase must stand alone: no letter, digit or joining hyphen/apostrophe on
// either side.

const BEFORE = String.raw`(?<![\p{L}\p{N}_'-])`;
const AFTER = String.raw`(?![\p{L}\p{N}_]|['-][\p{L}\p{N}])`;

/**
 * Compiles a phrase pattern (regex source, spaces written as `\s+`) into a global,
 * case-insensitive, Unicode regex that only matches whole words. Patterns see text with
 * apostrophes and hyphens already normalised by `normaliseForMatching`.
 */
export function wordPattern(source: string): RegExp {
  return new RegExp(`${BEFORE}(?:${source})${AFTER}`, "giu");
}

/**
 * Straightens typographic apostrophes (didn’t) and hyphens (root‐cause) to their ASCII forms.
 * Every replacement is one UTF-16 unit for one, so offsets into the result are offsets into
 * the original text.
 */
export function normaliseForMatching(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc\u2032]/g, "'").replace(/[\u2010\u2011]/g, "-");
}
