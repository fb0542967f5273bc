/**
 * Debrief rooms are boards: each is created through the API and joined with the facilitator
 * key (a participant key would make the server add a lane to the board first). All clients of
 * a room share that one session: the token is checked per connection either way.
 */
export type DebriefRoom = { name: string; token: string };

async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function createRoom(base: string, i: number): Promise<DebriefRoom> {
  const board = await post<{ id: string; keys: { facilitator: string } }>(`${base}/api/boards`, {
    title: `Benchmark board ${i + 1}`,
  });
  const session = await post<{ token: string }>(`${base}/api/boards/${board.id}/sessions`, {
    key: board.keys.facilitator,
    name: "Bench",
  });
  return { name: board.id, token: session.token };
}

/** Creates `count` boards, a few at a time (setup time is not measured, but it adds up). */
export async function createDebriefRooms(port: number, count: number): Promise<DebriefRoom[]> {
  const base = `http://127.0.0.1:${port}`;
  const rooms: DebriefRoom[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      rooms[i] = await createRoom(base, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, count) }, worker));
  return rooms;
}
