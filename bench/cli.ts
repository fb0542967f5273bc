import { parseArgs } from "node:util";
import { PEERS, type PeerId } from "./servers/peers";
import { WORKLOAD_IDS, type WorkloadId } from "./workloads/context";

export type CliOptions = {
  quick: boolean;
  workloads: WorkloadId[];
  peers: PeerId[];
  /** Directory for Debrief CPU profiles (--profile), or undefined. */
  profile: string | undefined;
  /** Also write the whole report (Markdown) to this file. */
  out: string | undefined;
  /** Scheduling priority of the server and the generator (negative: above other processes). */
  nice: number;
};

export const USAGE = `npm run bench -- [options]

  --quick              small sizes, short windows: a smoke run under a minute (asserts nothing)
  --only a,b           workloads: ${WORKLOAD_IDS.join(", ")} (default: all)
  --peers a,b          servers: ${Object.keys(PEERS).join(", ")} (default: all)
  --profile [dir]      write Debrief CPU profiles (--cpu-prof) and summarise their hot spots
  --out file.md        also write the report to a file
  --nice=N             run servers and generator at this priority, e.g. --nice=-10 on a shared machine
                       (negative values need root)
  --help`;

function list<T extends string>(value: string | undefined, allowed: readonly T[], what: string) {
  if (value === undefined) return [...allowed];
  const items = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const item of items) {
    if (!allowed.includes(item as T)) {
      throw new Error(`unknown ${what} "${item}" (one of: ${allowed.join(", ")})`);
    }
  }
  // Kept in canonical order: Debrief first among peers, workloads in the order.
  return allowed.filter((a) => items.includes(a));
}

function niceness(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < -20 || n > 19) throw new Error(`--nice: ${value} is not -20…19`);
  return n;
}

/** Parses the command line; throws with a readable message on a bad option. */
export function parseCli(argv: string[]): CliOptions | "help" {
  // --profile takes an optional directory: a following word that is not an option is it.
  const args = [...argv];
  const p = args.indexOf("--profile");
  if (p >= 0 && (args[p + 1] === undefined || args[p + 1]?.startsWith("--"))) {
    args.splice(p + 1, 0, "");
  }
  const { values } = parseArgs({
    args,
    options: {
      quick: { type: "boolean", default: false },
      only: { type: "string" },
      peers: { type: "string" },
      profile: { type: "string" },
      out: { type: "string" },
      nice: { type: "string", default: "0" },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) return "help";
  return {
    quick: values.quick ?? false,
    workloads: list(values.only, WORKLOAD_IDS, "workload"),
    peers: list(values.peers, Object.keys(PEERS) as PeerId[], "peer"),
    profile: values.profile,
    out: values.out,
    nice: niceness(values.nice ?? "0"),
  };
}
