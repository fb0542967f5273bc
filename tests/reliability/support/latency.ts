import type * as Y from "yjs";
import { createBoard, join } from "../../support/api";
import { type Client, connectClient, synced } from "../../support/syncClient";

/**
 * Round trips an ordinary user feels: a writer sets a key, a second client in the same room
 * sees it. Each sample goes through the whole server path (decode, group commit with fsync,
 * apply, relay), one at a time.
 */
export async function createLatencyProbe(wsUrl: string, room: string, writerToken: string) {
  const writer = connectClient(wsUrl, room, writerToken);
  const reader = connectClient(wsUrl, room, writerToken);
  await Promise.all([synced(writer), synced(reader)]);
  const seen = new Map<number, () => void>();
  const readerMap: Y.Map<number> = reader.doc.getMap("probe");
  readerMap.observe(() => {
    const n = readerMap.get("n");
    if (n !== undefined) seen.get(n)?.();
  });
  let next = 0;
  const once = (): Promise<number> =>
    new Promise((resolve, reject) => {
      const n = next++;
      const started = performance.now();
      const timer = setTimeout(() => reject(new Error(`probe ${n} not seen in 10 s`)), 10_000);
      seen.set(n, () => {
        clearTimeout(timer);
        seen.delete(n);
        resolve(performance.now() - started);
      });
      writer.doc.getMap("probe").set("n", n);
    });
  return {
    clients: [writer, reader] as Client[],
    /**
     * `count` sequential round trips, `gapMs` apart; milliseconds each. The default paces the
     * writer like a fast typist (~20 updates a second), inside the server's write budget.
     */
    async sample(count: number, gapMs = 45): Promise<number[]> {
      const out: number[] = [];
      for (let i = 0; i < count; i++) {
        out.push(await once());
        await new Promise((r) => setTimeout(r, gapMs));
      }
      return out;
    },
    destroy() {
      writer.destroy();
      reader.destroy();
    },
  };
}

/**
 * `count` probes, each in a quiet board of its own with a session of its own (so each keeps
 * within its own write budget), sampled side by side: `count` times the round trips in the
 * same time. A p99 of a few hundred samples is their second or third highest, and moved by
 * ±40 % run to run on a shared two-core machine; of 1 800 it is steady within a few percent.
 */
export async function createLatencyProbes(server: { url: string; wsUrl: string }, count: number) {
  const probes = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const board = await createBoard(server.url, { title: `Quiet ${i + 1}` });
      const user = await join(server.url, board.id, board.keys.participant, `User ${i + 1}`);
      return createLatencyProbe(server.wsUrl, board.id, user.token);
    }),
  );
  return {
    /** `perProbe` round trips from each probe, all side by side; milliseconds each. */
    async sample(perProbe: number): Promise<number[]> {
      return (await Promise.all(probes.map((p) => p.sample(perProbe)))).flat();
    },
    destroy() {
      for (const p of probes) p.destroy();
    },
  };
}
