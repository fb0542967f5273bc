// Links on cards and notes are typed by anyone with a participant link and shown to everyone,
// and later rendered into reports: only web and mail links, never javascript:, data: or file:.
const ALLOWED_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/** True for an absolute http(s) or mailto URL. */
export function isSafeHref(href: string): boolean {
  try {
    return ALLOWED_PROTOCOLS.has(new URL(href.trim()).protocol);
  } catch {
    return false;
  }
}

/**
 * Turns what someone typed into a link field into a safe href, or undefined: "example.com/x"
 * becomes https://example.com/x, "a@b.org" becomes mailto:a@b.org.
 */
export function toSafeHref(input: string): string | undefined {
  const text = input.trim();
  if (text === "") return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return isSafeHref(text) ? text : undefined;
  const guess = /^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(text) ? `mailto:${text}` : `https://${text}`;
  return isSafeHref(guess) ? guess : undefined;
}
