/**
 * JSON with object keys sorted, for comparing board snapshots between peers: readers build
 * some objects (votes) in Y.Map iteration order, which differs between peers holding the same
 * document. Array order is kept: it is part of what the readers promise.
 */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
