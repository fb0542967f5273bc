import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { checkLanguage, type LanguageFinding } from "../../shared/language";

/** A language finding placed in an editor document: `from`/`to` are ProseMirror positions. */
export type Nudge = LanguageFinding & { from: number; to: number };

// Inline leaves (hard breaks) read as one character each, so an offset into the block's text
// is an offset into its content; a line break also ends a clause for the check.
const LEAF_TEXT = "\n";

/** Runs the blameless-language check over every text block of `doc`. */
export function findNudges(doc: ProseMirrorNode): Nudge[] {
  const nudges: Nudge[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const text = node.textBetween(0, node.content.size, undefined, LEAF_TEXT);
    for (const finding of checkLanguage(text)) {
      nudges.push({ ...finding, from: pos + 1 + finding.start, to: pos + 1 + finding.end });
    }
    return false;
  });
  return nudges;
}
