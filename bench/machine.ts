import { spawnSync } from "node:child_process";
import os from "node:os";
import type { Placement } from "./pinning";

/** What a reader needs to judge the figures: the machine, the runtime, where data lived. */
export function machineFacts(placement: Placement): string[] {
  const cpus = os.cpus();
  const fs = spawnSync("df", ["-T", os.tmpdir()], { encoding: "utf8" });
  const fsType = fs.status === 0 ? fs.stdout.trim().split("\n").at(-1)?.split(/\s+/)[1] : undefined;
  const { cores, nice } = placement;
  return [
    `CPU: ${os.availableParallelism()} × ${cpus[0]?.model.trim() ?? "unknown"}`,
    `memory: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB, ${os.platform()} ${os.release()}`,
    `Node ${process.version}`,
    `pinning: ${cores ? `server on core ${cores.server}, load generator on core ${cores.generator} (taskset)` : "none (fewer than 2 cores or no taskset): figures include contention"}${nice !== 0 ? `, both at nice ${nice}` : ""}`,
    `data directories: ${os.tmpdir()}${fsType ? ` (${fsType})` : ""}`,
    `load average at start: ${loadAverage()}`,
  ];
}

/** The 1, 5 and 15 minute load averages: anything near the core count means a shared machine. */
export function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(", ");
}
