import type { AppendItem } from "./storage";

/**
 * A group-commit batch as it crosses to the storage worker: every update in one buffer that
 * is transferred, not copied, with the rooms and offsets beside it. Structured-cloning an
 * array of small objects cost 7–11% of the main thread under load (docs/benchmarks.md).
 */
export type PackedAppend = { rooms: string[]; ends: Uint32Array; data: Uint8Array };

export function packAppend(items: readonly AppendItem[]): PackedAppend {
  let total = 0;
  for (const item of items) total += item.update.byteLength;
  const data = new Uint8Array(total);
  const ends = new Uint32Array(items.length);
  const rooms: string[] = new Array(items.length);
  let at = 0;
  items.forEach((item, i) => {
    data.set(item.update, at);
    at += item.update.byteLength;
    ends[i] = at;
    rooms[i] = item.room;
  });
  return { rooms, ends, data };
}

export function unpackAppend({ rooms, ends, data }: PackedAppend): AppendItem[] {
  let start = 0;
  return rooms.map((room, i) => {
    const end = ends[i] as number;
    const update = data.subarray(start, end);
    start = end;
    return { room, update };
  });
}
