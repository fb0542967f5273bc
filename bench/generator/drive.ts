import type { DriveArgs, DriveResult } from "../generatorApi";
import type { BenchClient } from "./benchClient";
import { DeliveryTracker } from "./deliveries";
import type { Group } from "./openGroup";

// A send this much behind its schedule means the generator, not the server, set the pace.
const LATE_MS = 50;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Makes every client of the groups send `hz` times a second, evenly spread: one global round
 * through the clients, one send every 1 / (hz × clients) seconds. A late timer sends the
 * backlog at once with its real send time, so latency is measured from when a send happened.
 * The measured window is bracketed with marks so the orchestrator can read the server's CPU
 * over exactly that window.
 */
export async function drive(
  groups: Group[],
  args: DriveArgs,
  mark: (name: "measure-start" | "measure-end") => void,
): Promise<DriveResult> {
  const clients = groups.flatMap((g) => g.clients);
  const tracker = new DeliveryTracker();
  for (const c of clients) {
    c.cursor = [];
    c.tracker = tracker;
  }
  const send =
    args.kind === "doc"
      ? (c: BenchClient, now: number) => c.sendEdit(now)
      : (c: BenchClient, now: number) => c.sendPresence(now);
  const interval = 1000 / (args.hz * clients.length);
  const t0 = performance.now();
  const measureFrom = t0 + args.warmupMs;
  const sendUntil = measureFrom + args.measureMs;
  let lateSends = 0;
  let cpuAtStart = process.cpuUsage();

  await new Promise<void>((resolve) => {
    let next = t0;
    let i = 0;
    const tick = () => {
      let now = performance.now();
      while (next <= now && next < sendUntil) {
        if (!tracker.measuring && next >= measureFrom) {
          tracker.measuring = true;
          cpuAtStart = process.cpuUsage();
          mark("measure-start");
        }
        if (now - next > LATE_MS) lateSends++;
        send(clients[i] as BenchClient, now);
        i = (i + 1) % clients.length;
        next += interval;
        now = performance.now();
      }
      if (next >= sendUntil) {
        resolve();
        return;
      }
      setTimeout(tick, Math.max(0, next - now));
    };
    tick();
  });

  // Stragglers sent in the window still count; the window itself ends with the last send.
  const cpu = process.cpuUsage(cpuAtStart);
  const deliveriesInWindow = tracker.deliveries;
  mark("measure-end");
  const drainUntil = performance.now() + args.drainMs;
  while (!tracker.settled() && performance.now() < drainUntil) await sleep(20);
  for (const c of clients) c.tracker = undefined;

  return {
    latencies: tracker.latencies,
    sent: tracker.sentMeasured,
    sentAll: tracker.sentAll,
    incomplete: tracker.incomplete(),
    deliveries: deliveriesInWindow,
    windowMs: args.measureMs,
    generatorCpuMs: (cpu.user + cpu.system) / 1000,
    lateSends,
  };
}
