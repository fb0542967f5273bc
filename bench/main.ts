import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseCli, USAGE } from "./cli";
import { startGenerator } from "./generatorProcess";
import { ensurePeersInstalled } from "./installPeers";
import { loadAverage, machineFacts } from "./machine";
import { planPlacement } from "./pinning";
import { FULL, QUICK } from "./plan";
import { summariseProfileDir } from "./profile/summariseProfile";
import { INSTALLED_PEERS, PEERS } from "./servers/peers";
import { renderTable } from "./table";
import { coldOpen } from "./workloads/coldOpen";
import type { BenchContext, Workload, WorkloadId } from "./workloads/context";
import { joinStorm } from "./workloads/joinStorm";
import { manyRooms } from "./workloads/manyRooms";
import { presence } from "./workloads/presence";
import { relay } from "./workloads/relay";
import { saturation } from "./workloads/saturation";

/**
 * `npm run bench`: Debrief and the servers people would pick instead, side by side, on the
 * workloads of issue 8. Every peer runs every workload in the same run, taking turns, so the
 * ratios hold on a noisy machine even when the absolute figures drift.
 */
const WORKLOADS: Record<WorkloadId, Workload> = {
  relay,
  saturation,
  "many-rooms": manyRooms,
  "cold-open": coldOpen,
  "join-storm": joinStorm,
  presence,
};

const t0 = Date.now();
const progress = (message: string) =>
  process.stderr.write(
    `[bench ${((Date.now() - t0) / 1000).toFixed(0).padStart(3)} s] ${message}\n`,
  );

async function main(): Promise<void> {
  const options = parseCli(process.argv.slice(2));
  if (options === "help") {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (options.peers.some((p) => INSTALLED_PEERS.includes(p))) ensurePeersInstalled(progress);
  const profileDir =
    options.profile === undefined
      ? undefined
      : options.profile || fs.mkdtempSync(path.join(os.tmpdir(), "debrief-profile-"));
  if (profileDir) fs.mkdirSync(profileDir, { recursive: true });

  const started = Date.now();
  const placement = planPlacement(options.nice);
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
  const header = [
    `## Server benchmark, ${new Date().toISOString().slice(0, 10)}${options.quick ? " (quick mode: smoke sizes, not figures)" : ""}`,
    "",
    `Command: \`${command}\``,
    "",
    ...machineFacts(placement).map((f) => `- ${f}`),
  ].join("\n");
  const out: string[] = [header];
  process.stdout.write(`${header}\n\n`);

  const gen = await startGenerator(placement.cores?.generator, placement.nice);
  const ctx: BenchContext = {
    plan: options.quick ? QUICK : FULL,
    peers: options.peers.map((id) => PEERS[id]),
    gen,
    placement,
    profileDir,
    progress,
  };
  const columns = ctx.peers.map((p) => ({ id: p.id, label: p.label }));
  try {
    for (const id of options.workloads) {
      progress(`${id}…`);
      const table = await WORKLOADS[id].run(ctx);
      const text = renderTable(table, columns);
      out.push(text);
      process.stdout.write(`${text}\n\n`);
    }
  } finally {
    await gen.stop();
  }
  const footer = `Finished in ${((Date.now() - started) / 1000).toFixed(0)} s; load average at the end: ${loadAverage()}.`;
  out.push(footer);
  process.stdout.write(`${footer}\n`);
  if (profileDir) {
    const summary = summariseProfileDir(profileDir);
    out.push(summary);
    process.stdout.write(`\n${summary}\n`);
  }
  if (options.out) fs.writeFileSync(options.out, `${out.join("\n\n")}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
