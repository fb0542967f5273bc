import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { placed, raiseAutogroup, spawnPlacement } from "../pinning";
import { type CpuTimes, readCpu, readRss } from "./procStats";

/** How to start one server: node arguments before the script, the script, its environment. */
export type Launch = {
  script: string;
  nodeArgs?: string[];
  env: Record<string, string>;
  cwd: string;
};

export type HeapReading = { heapUsed: number; external: number; rss: number };

export type ServerProcess = {
  readonly pid: number;
  readonly port: number;
  readonly dataDir: string;
  cpu(): CpuTimes;
  rss(): { rss: number; peak: number };
  /** The last few KB the process printed (stdout and stderr), for error messages. */
  output(): string;
  /** V8 heap and external memory after a full GC, as the process itself reports it. */
  heap(): Promise<HeapReading>;
  /** SIGTERM, then waits for the process to exit (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
};

const PROBE = path.join(import.meta.dirname, "probe.mjs");

// Servers still running when the orchestrator exits (an error, Ctrl-C) go down with it.
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => process.exit(130));
}

// Servers get their port from us (as PORT, so no log line needs parsing). Ports come from
// below Linux's ephemeral range (32768+): there, a port found free can be taken a moment later
// as the local end of some outgoing connection — the bench opens thousands — and the server's
// listen then fails. Ports handed out once are not handed out again in the same run.
const FIRST = 20_000;
const LAST = 32_000;
const handedOut = new Set<number>();

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** A free loopback port outside the ephemeral range, never the same twice in a run. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = FIRST + Math.floor(Math.random() * (LAST - FIRST));
    if (handedOut.has(port)) continue;
    handedOut.add(port);
    if (await bindable(port)) return port;
  }
}

async function waitForPort(port: number, child: ChildProcess, stderr: () => string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early: ${stderr()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`server did not listen on ${port}: ${stderr()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Spawns a server under test on `core`, with the memory probe preloaded and GC exposed, and
 * resolves once its port accepts connections.
 */
export async function startServerProcess(
  launch: Launch,
  options: { core: number | undefined; nice: number; port: number; dataDir: string },
): Promise<ServerProcess> {
  const probePort = await freePort();
  const argv = [
    process.execPath,
    "--expose-gc",
    ...(launch.nodeArgs ?? []),
    "--import",
    PROBE,
    launch.script,
  ];
  const [command, ...args] = placed(options.core, options.nice, argv);
  const child = spawn(command as string, args, {
    cwd: launch.cwd,
    env: { ...process.env, ...launch.env, BENCH_PROBE_PORT: String(probePort) },
    stdio: ["ignore", "pipe", "pipe"],
    ...spawnPlacement(options.nice),
  });
  raiseAutogroup(child.pid as number, options.nice);
  let output = "";
  const keep = (d: Buffer) => {
    // Only the tail matters for an error message; a chatty server must not fill memory.
    output = (output + d.toString()).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  running.add(child);
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      running.delete(child);
      resolve();
    }),
  );
  await waitForPort(options.port, child, () => output);
  const pid = child.pid as number;
  return {
    pid,
    port: options.port,
    dataDir: options.dataDir,
    cpu: () => readCpu(pid),
    rss: () => readRss(pid),
    output: () => output,
    async heap() {
      const res = await fetch(`http://127.0.0.1:${probePort}/memory?gc=1`);
      const m = (await res.json()) as NodeJS.MemoryUsage;
      return { heapUsed: m.heapUsed, external: m.external, rss: m.rss };
    },
    async stop(graceMs = 20_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
