import type { LaneGeometry } from "../board/createBoardLayout";

/** The lane band at `y` (px within the lanes' content), and how far down it `y` is, 0 … 1. */
export function laneAt(
  bands: readonly LaneGeometry[],
  y: number,
): { band: LaneGeometry; fraction: number } | undefined {
  const band = bands.find((b) => y >= b.top && y < b.top + b.height);
  if (!band) return undefined;
  return { band, fraction: band.height > 0 ? (y - band.top) / band.height : 0.5 };
}
