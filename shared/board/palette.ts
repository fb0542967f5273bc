/** Colour of the shared timeline lane: neutral, so facts do not look like anyone's perspective. */
export const TIMELINE_COLOR = "#64748b";

/**
 * Participant lane colours: mid-tone hues far apart on the colour wheel, readable behind dark
 * text and on white. No pure red: in a blameless review a red lane reads as "the culprit".
 */
export const LANE_PALETTE = [
  "#3b82f6", // blue
  "#10b981", // emerald
  "#f59e0b", // amber
  "#8b5cf6", // violet
  "#ec4899", // pink
  "#06b6d4", // cyan
  "#f97316", // orange
  "#84cc16", // lime
  "#6366f1", // indigo
  "#14b8a6", // teal
] as const;

/** Returns a palette colour chosen by a stable hash of `participantId`, the same on every client. */
export function colorForParticipant(participantId: string): string {
  // FNV-1a over UTF-16 code units: tiny, stable across engines, spreads similar ids apart.
  let hash = 0x811c9dc5;
  for (let i = 0; i < participantId.length; i++) {
    hash ^= participantId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return LANE_PALETTE[(hash >>> 0) % LANE_PALETTE.length] ?? LANE_PALETTE[0];
}
