import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";

/**
 * Server and load generator on different cores, so neither measures the other. With fewer
 * than two cores, or without `taskset`, processes run unpinned and the report says so.
 *
 * `nice` (negative needs root) lifts both above whatever else shares the machine: a pinned
 * process cannot move to a quieter core, so on a busy machine it would otherwise wait its turn.
 * With scheduler autogroups (Linux's default for desktop and many VMs) a process's nice value
 * only ranks it within its session, so each raised process gets a session of its own and that
 * session's autogroup gets the nice value.
 */
export type Placement = {
  cores: { server: number; generator: number } | undefined;
  nice: number;
};

export function planPlacement(nice: number): Placement {
  const found = spawnSync("taskset", ["--version"], { stdio: "ignore" });
  const pinnable = os.availableParallelism() >= 2 && !found.error && found.status === 0;
  return { cores: pinnable ? { server: 0, generator: 1 } : undefined, nice };
}

/** The command line that runs `argv` on `core` (any core when undefined) at `nice`. */
export function placed(core: number | undefined, nice: number, argv: string[]): string[] {
  const pinned = core === undefined ? argv : ["taskset", "-c", String(core), ...argv];
  return nice === 0 ? pinned : ["nice", "-n", String(nice), ...pinned];
}

/** Spawn options for a placed process: its own session (so its own autogroup) when raised. */
export function spawnPlacement(nice: number): { detached: boolean } {
  return { detached: nice !== 0 };
}

/** Gives the process's autogroup the same nice value, where the kernel has autogroups. */
export function raiseAutogroup(pid: number, nice: number): void {
  if (nice === 0) return;
  try {
    fs.writeFileSync(`/proc/${pid}/autogroup`, String(nice));
  } catch {
    // No autogroups (or not allowed): the plain nice value is all there is.
  }
}
