import { spawn } from "node:child_process";
import path from "node:path";

/**
 * Runs a hostile client script (`support/<script>`) in a process of its own, at the lowest
 * CPU priority: a real attacker does not run on the server's cores, and here the scheduler
 * then serves the server and the test's probe first, as separate hardware would. What it
 * still takes of the two cores shows in a decoy figure (the same attack on another server).
 * Each JSON line the script prints goes to `onEvent`; `started` resolves at the first for which
 * `isStart` holds.
 */
export function startAttacker<E>(
  script: string,
  args: string[],
  onEvent: (event: E) => void,
  isStart: (event: E) => boolean = () => true,
) {
  const proc = spawn(
    "nice",
    [
      "-n",
      "19",
      process.execPath,
      "--import",
      "tsx",
      path.join(import.meta.dirname, script),
      ...args,
    ],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  let heard = () => {};
  const started = new Promise<void>((r) => {
    heard = r;
  });
  let buffer = "";
  proc.stdout.on("data", (d: Buffer) => {
    buffer += d.toString();
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines) {
      const event = JSON.parse(line) as E;
      onEvent(event);
      if (isStart(event)) heard();
    }
  });
  const exited = new Promise((r) => proc.once("exit", r));
  return {
    /** Resolves once the attack is under way (the process takes a moment to start). */
    started,
    /**
     * Asks the script to stop between attacks, or to go on (scripts that read their input do:
     * hostileAttacker.ts). Pausing rather than restarting keeps its place in the attack list.
     */
    pause: () => proc.stdin.write("pause\n"),
    resume: () => proc.stdin.write("resume\n"),
    async stop() {
      proc.kill("SIGKILL");
      await exited;
    },
  };
}
