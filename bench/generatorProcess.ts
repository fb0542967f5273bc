import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import type { CommandName, Commands, Reply } from "./generatorApi";
import { placed, raiseAutogroup, spawnPlacement } from "./pinning";

export type Mark = "measure-start" | "measure-end";

export type GeneratorProcess = {
  readonly pid: number;
  call<C extends CommandName>(
    command: C,
    args: Commands[C]["args"],
    onMark?: (mark: Mark) => void,
  ): Promise<Commands[C]["result"]>;
  stop(): Promise<void>;
};

/**
 * Starts the load generator as its own process (on `core` when pinning is available), talking
 * over IPC with structured-clone serialisation so typed arrays and NaN survive the trip.
 */
export async function startGenerator(
  core: number | undefined,
  nice: number,
): Promise<GeneratorProcess> {
  const entry = path.join(import.meta.dirname, "generator", "main.ts");
  // BENCH_GENERATOR_NODE_ARGS (e.g. "--cpu-prof") is for checking the generator's own costs.
  const extra = process.env.BENCH_GENERATOR_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const argv = [process.execPath, ...extra, "--import", "tsx", entry];
  const [command, ...args] = placed(core, nice, argv);
  const child: ChildProcess = spawn(command as string, args, {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    serialization: "advanced",
    ...spawnPlacement(nice),
  });
  raiseAutogroup(child.pid as number, nice);
  const waiting = new Map<
    number,
    { resolve(v: unknown): void; reject(e: Error): void; onMark?: (m: Mark) => void }
  >();
  let nextId = 1;
  child.on("message", (message: Reply) => {
    if ("mark" in message) {
      for (const w of waiting.values()) w.onMark?.(message.mark);
      return;
    }
    const w = waiting.get(message.id);
    if (!w) return;
    waiting.delete(message.id);
    if (message.ok) w.resolve(message.result);
    else w.reject(new Error(message.error));
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => {
    for (const w of waiting.values()) w.reject(new Error("load generator exited"));
    waiting.clear();
  });
  await new Promise<void>((resolve, reject) => {
    child.once("spawn", resolve);
    child.once("error", reject);
  });
  return {
    pid: child.pid as number,
    call(command, args, onMark) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (v: unknown) => void, reject, onMark });
        child.send({ id, command, args });
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.disconnect();
        await exited;
      }
    },
  };
}
