// Linked cards are named by their opening words: enough to recognise on a crowded board.
const EXCERPT_LENGTH = 48;

/** The first words of a card's text on one line, or a stand-in for an empty card. */
export function cardExcerpt(text: string | undefined): string {
  const line = (text ?? "").replace(/\s+/g, " ").trim();
  if (!line) return "(empty card)";
  return line.length > EXCERPT_LENGTH ? `${line.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…` : line;
}
