import * as Y from "yjs";

// Documents arrive from peers we do not control, so a stored value may be missing or of the wrong
// type. These helpers read a field as the expected type or fall back, so readers never throw on
// foreign data; `checkInvariants` is where such data gets reported.

/** Returns `map[key]` when it is a string, else `fallback`. */
export function stringField(map: Y.Map<unknown>, key: string, fallback = ""): string {
  const value = map.get(key);
  return typeof value === "string" ? value : fallback;
}

/** Returns `map[key]` when it is a string, else null. */
export function optionalStringField(map: Y.Map<unknown>, key: string): string | null {
  const value = map.get(key);
  return typeof value === "string" ? value : null;
}

/** Returns `map[key]` when it is a finite number, else `fallback`. */
export function numberField(map: Y.Map<unknown>, key: string, fallback = 0): number {
  const value = map.get(key);
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

/** Returns `map[key]` when it is one of `allowed`, else `fallback`. */
export function enumField<T extends string>(
  map: Y.Map<unknown>,
  key: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = map.get(key);
  return (allowed as readonly unknown[]).includes(value) ? (value as T) : fallback;
}

/** Returns `map[key]` when it is a Y.Map, else undefined. */
export function mapField(map: Y.Map<unknown>, key: string): Y.Map<unknown> | undefined {
  const value = map.get(key);
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : undefined;
}

/** Returns `map[key]` when it is a Y.Array, else undefined. */
export function arrayField(map: Y.Map<unknown>, key: string): Y.Array<unknown> | undefined {
  const value = map.get(key);
  return value instanceof Y.Array ? (value as Y.Array<unknown>) : undefined;
}

/** Returns the distinct strings of a Y.Array in document order, skipping other values. */
export function distinctStrings(array: Y.Array<unknown> | undefined): string[] {
  if (!array) return [];
  const seen = new Set<string>();
  for (const item of array.toArray()) if (typeof item === "string") seen.add(item);
  return [...seen];
}

/** Orders strings by UTF-16 code units, identically on every engine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
