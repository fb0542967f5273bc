import { IMPORT_LIMITS } from "./importLimits";

/** Normalises a row's text: line breaks as "\n", no surrounding blank space. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, "\n").trim();
}

/** Why a row's (clean) text cannot become a card's text, or null when it can. */
export function textProblem(text: string): string | null {
  if (text === "") return "text is empty";
  if (text.length > IMPORT_LIMITS.textLength) {
    return `text is ${text.length.toLocaleString("en")} characters; a card holds at most ${IMPORT_LIMITS.textLength.toLocaleString("en")}`;
  }
  return null;
}

/** Cuts a derived source (e.g. "slack: " plus a long display name) to the card's limit. */
export function fitSource(source: string): string {
  return source.length > IMPORT_LIMITS.sourceLength
    ? source.slice(0, IMPORT_LIMITS.sourceLength).trimEnd()
    : source;
}
