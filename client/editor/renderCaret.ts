// Another person's caret in the text, drawn in their colour with their name. The name label's
// text colour is whichever of near-black and white contrasts more with the lane colour, so it
// stays readable (WCAG AA) whatever colour the palette handed out.

const HEX = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i;

function luminance(hex: string): number | undefined {
  const m = HEX.exec(hex);
  if (!m) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((part) => {
    const c = Number.parseInt(part ?? "0", 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Near-black or white, whichever reads better on `background`. */
export function labelTextColor(background: string): string {
  const l = luminance(background);
  if (l === undefined) return "#111111";
  const onBlack = (l + 0.05) / (0.0056 + 0.05);
  const onWhite = 1.05 / (l + 0.05);
  return onBlack >= onWhite ? "#111111" : "#ffffff";
}

/** CollaborationCaret's `render`: the caret line and a small name tag above it. */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === "string" && HEX.test(user.color) ? user.color : "#57606a";
  const name = typeof user.name === "string" && user.name ? user.name : "Someone";
  const caret = document.createElement("span");
  caret.className = "collaboration-carets__caret";
  caret.style.borderColor = color;
  // The name is shown, not read out in the middle of the text; presence lists who is here.
  caret.setAttribute("aria-hidden", "true");
  const label = document.createElement("span");
  label.className = "collaboration-carets__label";
  label.style.backgroundColor = color;
  label.style.color = labelTextColor(color);
  label.textContent = name;
  caret.append(label);
  return caret;
}
