import fs from "node:fs";

/**
 * CPU and memory of another process, read from /proc so the measured process does no work to
 * report them. Linux only; elsewhere the readings are NaN and the tables show "n/a".
 */
export type CpuTimes = { userMs: number; systemMs: number };

// USER_HZ: the unit of utime/stime in /proc/<pid>/stat, 100 on every mainstream Linux.
const TICK_MS = 10;

export function readCpu(pid: number): CpuTimes {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may contain spaces; the fields after its ")" are fixed.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { userMs: Number(fields[11]) * TICK_MS, systemMs: Number(fields[12]) * TICK_MS };
  } catch {
    return { userMs: Number.NaN, systemMs: Number.NaN };
  }
}

export function cpuSince(pid: number, before: CpuTimes): CpuTimes {
  const now = readCpu(pid);
  return { userMs: now.userMs - before.userMs, systemMs: now.systemMs - before.systemMs };
}

/** Resident memory now and its peak since the process started, in bytes. */
export function readRss(pid: number): { rss: number; peak: number } {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (name: string) =>
      Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1]);
    return { rss: kb("VmRSS") * 1024, peak: kb("VmHWM") * 1024 };
  } catch {
    return { rss: Number.NaN, peak: Number.NaN };
  }
}
