import type * as Y from "yjs";
import { createBoard, join } from "../../support/api";
import { type Client, connectClient, synced } from "../../support/syncClient";
import { figure, median, noisePct, percentile } from "./figures";

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
     * `count` sequential round trips about `gapMs` apart, the first after `offsetMs`;
     * milliseconds each. The default paces the writer like a fast typist (~20 updates a
     * second), inside the server's write budget. Each gap is drawn between half and one and a
     * half times `gapMs`: a fixed beat would keep step with the server's periodic work (its
     * heartbeat, the metrics the scenarios poll) and keep hitting it, or keep missing it.
     */
    async sample(count: number, gapMs = 45, offsetMs = 0): Promise<number[]> {
      const out: number[] = [];
      await new Promise((r) => setTimeout(r, offsetMs));
      for (let i = 0; i < count; i++) {
        out.push(await once());
        await new Promise((r) => setTimeout(r, gapMs * (0.5 + Math.random())));
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
 * ±40 % run to run on a shared two-core machine; of 1 800 it still moves by ±20-40 % between
 * identical windows here, which is why the scenarios print that spread beside their rise.
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
    /**
     * `perProbe` round trips from each probe, all side by side; milliseconds each. The probes
     * start a fraction of a gap apart: in step, their writes met in the same commits and one
     * hiccup of the machine hit all five samples at once (a p99 of 1 800 samples was then set
     * by about five such moments).
     */
    async sample(perProbe: number): Promise<number[]> {
      const gapMs = 45;
      const staggered = probes.map((p, i) => p.sample(perProbe, gapMs, (i * gapMs) / count));
      return (await Promise.all(staggered)).flat();
    },
    destroy() {
      for (const p of probes) p.destroy();
    },
  };
}

export type LatencyProbes = Awaited<ReturnType<typeof createLatencyProbes>>;

/**
 * Rounds of three windows of `samples` round trips from each probe: two quiet and one under
 * attack, where `attack` runs its attack around `sample()`. A slow spell of the (shared)
 * machine then hits every kind alike, and each p99 is taken over all samples of its kind. The
 * two quiet windows are kept apart: how far their p99s differ is what this machine's noise
 * alone does to a figure in this run (noisePct). Each round starts one window further, so
 * every kind takes each place equally often: in a fixed order the second of two identical
 * quiet windows read ~10 % higher on average than the first, a bias the attack window shared.
 */
export async function sampleQuietAndAttacked(
  probes: LatencyProbes,
  rounds: number,
  samples: number,
  attack: (sample: () => Promise<number[]>) => Promise<number[]>,
) {
  const quiet: number[] = [];
  const quietAgain: number[] = [];
  const attacked: number[] = [];
  const sample = () => probes.sample(samples);
  const windows = [
    async () => quiet.push(...(await sample())),
    async () => quietAgain.push(...(await sample())),
    async () => attacked.push(...(await attack(sample))),
  ];
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < windows.length; i++) await windows[(round + i) % windows.length]!();
  }
  return { quiet, quietAgain, baseline: [...quiet, ...quietAgain], attacked };
}

/**
 * Prints the figures of `sampleQuietAndAttacked`'s windows as `<prefix>_p50_…`, `_p99_…`,
 * `_p99_rise_pct` and `_p99_noise_pct`, and returns the p99's rise under attack (a fraction of
 * the baseline's).
 */
export function reportRise(
  prefix: string,
  { quiet, quietAgain, baseline, attacked }: Awaited<ReturnType<typeof sampleQuietAndAttacked>>,
): number {
  const base = percentile(baseline, 99);
  const attack = percentile(attacked, 99);
  const rise = (attack - base) / base;
  figure(`${prefix}_p50_baseline_ms`, median(baseline));
  figure(`${prefix}_p50_under_attack_ms`, median(attacked));
  figure(`${prefix}_p99_baseline_ms`, base);
  figure(`${prefix}_p99_under_attack_ms`, attack);
  figure(`${prefix}_p99_rise_pct`, 100 * rise);
  figure(`${prefix}_p99_noise_pct`, noisePct(quiet, quietAgain));
  return rise;
}
