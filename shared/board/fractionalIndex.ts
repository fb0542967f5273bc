// Ranks are fractions in base 62 written without the leading "0.": "V" is 31/62, "V1" a little
// more. Digits are ordered like their ASCII codes, so plain string comparison orders ranks and
// every reader (any language, any client) sorts them the same way. A rank never ends in "0",
// otherwise "V" and "V0" would be equal fractions with different strings.

const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const BASE = DIGITS.length;
const RANK_PATTERN = /^[0-9A-Za-z]*[1-9A-Za-z]$/;

/** True when `rank` is a well-formed rank string (non-empty, base-62 digits, no trailing "0"). */
export function isValidRank(rank: string): boolean {
  return RANK_PATTERN.test(rank);
}

function digitValue(digit: string | undefined): number {
  return digit === undefined ? 0 : DIGITS.indexOf(digit);
}

function digitAt(value: number): string {
  return DIGITS.charAt(value);
}

// Midpoint of two fractions; `high === null` stands for 1. Callers guarantee low < high.
function midpoint(low: string, high: string | null): string {
  if (high !== null) {
    let shared = 0;
    while ((low[shared] ?? "0") === high[shared]) shared++;
    if (shared > 0) {
      return high.slice(0, shared) + midpoint(low.slice(shared), high.slice(shared));
    }
  }
  const lowDigit = digitValue(low[0]);
  const highDigit = high === null ? BASE : digitValue(high[0]);
  if (highDigit - lowDigit > 1) return digitAt(Math.round((lowDigit + highDigit) / 2));
  // Adjacent first digits: a one-digit prefix of a longer `high` already lies strictly between.
  if (high !== null && high.length > 1) return high.slice(0, 1);
  return digitAt(lowDigit) + midpoint(low.slice(1), null);
}

/**
 * Returns a rank strictly between `before` and `after` (null = open end). Throws when a bound is
 * malformed or `before >= after`.
 */
export function rankBetween(before: string | null, after: string | null): string {
  if (before !== null && !isValidRank(before)) throw new Error(`rankBetween: bad rank "${before}"`);
  if (after !== null && !isValidRank(after)) throw new Error(`rankBetween: bad rank "${after}"`);
  if (before !== null && after !== null && before >= after) {
    throw new Error(`rankBetween: "${before}" must sort before "${after}"`);
  }
  return midpoint(before ?? "", after);
}

/**
 * Returns a short rank that sorts after `before` (after everything when null). Appending is the
 * common case (a new card at an already-used time), so it bumps one digit instead of halving the
 * gap: a first rank "V" leaves room before it, and the next 30 appends stay one character long. Malformed input (written by
 * a foreign client) still gets a rank that sorts after it.
 */
export function rankAfter(before: string | null): string {
  if (before === null) return rankBetween(null, null);
  if (!isValidRank(before)) return `${before}V`;
  for (let i = 0; i < before.length; i++) {
    const value = digitValue(before[i]);
    if (value < BASE - 1) return before.slice(0, i) + digitAt(value + 1);
  }
  return `${before}V`;
}
