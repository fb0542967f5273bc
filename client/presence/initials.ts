/** One or two letters for an avatar: "Priya Natarajan" → "PN", "fran" → "FR", "" → "?". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0];
  if (!first) return "?";
  // Array.from splits by code point, so a name starting with an emoji or a non-BMP letter
  // does not come out as half a surrogate pair.
  const letters = (word: string) => Array.from(word);
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const pair = last ? [letters(first)[0], letters(last)[0]] : letters(first).slice(0, 2);
  return pair.join("").toLocaleUpperCase();
}
