import type { DriveArgs, DriveResult } from "../generatorApi";
import type { GeneratorProcess } from "../generatorProcess";
import type { PeerServer } from "../servers/peerServer";
import { type CpuTimes, cpuSince } from "../servers/procStats";
import { max, percentile } from "../stats";

/** One or more drives of the same peer, added up (rounds of one workload). */
export type DriveTotals = {
  latencies: number[];
  sent: number;
  sentAll: number;
  incomplete: number;
  deliveries: number;
  windowMs: number;
  generatorCpuMs: number;
  lateSends: number;
  serverUserMs: number;
  serverSystemMs: number;
  /** Storage calls during the drive (warm-up and drain included), where the peer reports them. */
  storageCalls: number;
  storageSeconds: number;
};

export function emptyTotals(): DriveTotals {
  return {
    latencies: [],
    sent: 0,
    sentAll: 0,
    incomplete: 0,
    deliveries: 0,
    windowMs: 0,
    generatorCpuMs: 0,
    lateSends: 0,
    serverUserMs: 0,
    serverSystemMs: 0,
    storageCalls: 0,
    storageSeconds: 0,
  };
}

/**
 * Runs a drive and reads the server's CPU exactly over the generator's measured window (the
 * generator marks its start and end), then adds it all to `totals`.
 */
export async function measureDrive(
  gen: GeneratorProcess,
  peerServer: PeerServer,
  args: DriveArgs,
  totals: DriveTotals = emptyTotals(),
): Promise<DriveTotals> {
  const server = peerServer.proc;
  const storage = peerServer.peer.storageCalls?.bind(peerServer.peer, peerServer.port);
  const storageBefore = await storage?.();
  let before: CpuTimes | undefined;
  let cpu: CpuTimes = { userMs: Number.NaN, systemMs: Number.NaN };
  const result: DriveResult = await gen.call("drive", args, (mark) => {
    if (mark === "measure-start") before = server.cpu();
    else if (before) cpu = cpuSince(server.pid, before);
  });
  for (const l of result.latencies) totals.latencies.push(l);
  totals.sent += result.sent;
  totals.sentAll += result.sentAll;
  totals.incomplete += result.incomplete;
  totals.deliveries += result.deliveries;
  totals.windowMs += result.windowMs;
  totals.generatorCpuMs += result.generatorCpuMs;
  totals.lateSends += result.lateSends;
  totals.serverUserMs += cpu.userMs;
  totals.serverSystemMs += cpu.systemMs;
  const storageAfter = await storage?.();
  if (storageBefore && storageAfter) {
    totals.storageCalls += storageAfter.count - storageBefore.count;
    totals.storageSeconds += storageAfter.seconds - storageBefore.seconds;
  }
  return totals;
}

export type DriveSummary = {
  p50: number;
  p99: number;
  max: number;
  sentPerSec: number;
  deliveriesPerSec: number;
  serverCpuPct: number;
  cpuUsPerSend: number;
  kernelPct: number;
  generatorCpuPct: number;
  incomplete: number;
  lateSends: number;
  /** Mean storage call (a group commit, for Debrief) in ms; NaN where not reported. */
  storageMeanMs: number;
  /** Storage calls per update sent: 1 means every update paid for its own commit. */
  storageCallsPerUpdate: number;
};

export function summarise(t: DriveTotals): DriveSummary {
  const seconds = t.windowMs / 1000;
  const serverMs = t.serverUserMs + t.serverSystemMs;
  return {
    p50: percentile(t.latencies, 50),
    p99: percentile(t.latencies, 99),
    max: max(t.latencies),
    sentPerSec: t.sent / seconds,
    deliveriesPerSec: t.deliveries / seconds,
    serverCpuPct: (serverMs / t.windowMs) * 100,
    cpuUsPerSend: (serverMs * 1000) / t.sent,
    kernelPct: (t.serverSystemMs / serverMs) * 100,
    generatorCpuPct: (t.generatorCpuMs / t.windowMs) * 100,
    incomplete: t.incomplete,
    lateSends: t.lateSends,
    storageMeanMs: t.storageCalls > 0 ? (t.storageSeconds * 1000) / t.storageCalls : Number.NaN,
    storageCallsPerUpdate: t.storageCalls > 0 ? t.storageCalls / t.sentAll : Number.NaN,
  };
}
