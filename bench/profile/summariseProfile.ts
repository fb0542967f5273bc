import fs from "node:fs";
import path from "node:path";

/**
 * Reads a V8 .cpuprofile (what `node --cpu-prof` writes) and lists where the time went: self
 * time per function, inclusive time per function (each function counted once per sample even
 * when recursive), and self time per package or source folder. Idle time is left out of the
 * percentages, so they say what share of the server's busy time a function took.
 *
 *   node --import tsx bench/profile/summariseProfile.ts <file.cpuprofile | dir> [top]
 *
 * where dir is one server start's profile directory or a whole `--profile` directory.
 */
type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

const repoRoot = path.resolve(import.meta.dirname, "../..");
const SPECIAL = new Set(["(root)", "(program)", "(idle)", "(garbage collector)"]);

function shortUrl(url: string): string {
  const file = url.replace(/^file:\/\//, "");
  const nm = file.lastIndexOf("node_modules/");
  if (nm >= 0) return file.slice(nm + "node_modules/".length);
  if (file.startsWith(repoRoot)) return path.relative(repoRoot, file);
  return file || "(native)";
}

/** The package (node_modules) or source folder a frame belongs to. */
function moduleOf(url: string): string {
  const short = shortUrl(url);
  if (short.startsWith("node:")) return "node: (built-in)";
  if (short === "(native)") return "(native / V8)";
  const parts = short.split("/");
  if (url.includes("node_modules/")) {
    return parts[0]?.startsWith("@") ? `${parts[0]}/${parts[1]}` : (parts[0] ?? short);
  }
  return parts.slice(0, -1).join("/") || short;
}

function label(frame: CallFrame): string {
  const name = frame.functionName || "(anonymous)";
  if (SPECIAL.has(name)) return name;
  return `${name} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
}

export type ProfileSummary = {
  totalMs: number;
  busyMs: number;
  self: Array<[string, number]>;
  inclusive: Array<[string, number]>;
  modules: Array<[string, number]>;
};

export function summariseProfile(profile: CpuProfile): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const modules = new Map<string, number>();
  let totalMs = 0;
  let idleMs = 0;
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  for (let i = 0; i < profile.samples.length; i++) {
    // A sample stands for the interval up to the next one.
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(profile.samples[i] as number);
    if (!node) continue;
    totalMs += ms;
    const name = label(node.callFrame);
    if (name === "(idle)") {
      idleMs += ms;
      continue;
    }
    add(self, name, ms);
    add(modules, SPECIAL.has(name) ? name : moduleOf(node.callFrame.url), ms);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id)?.callFrame;
      if (!frame) break;
      const key = label(frame);
      if (key !== "(root)" && !seen.has(key)) {
        seen.add(key);
        add(inclusive, key, ms);
      }
    }
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return {
    totalMs,
    busyMs: totalMs - idleMs,
    self: sorted(self),
    inclusive: sorted(inclusive),
    modules: sorted(modules),
  };
}

/** The summary as Markdown tables (top `top` rows each). */
export function renderProfileSummary(title: string, s: ProfileSummary, top = 20): string {
  const pct = (ms: number) => `${((ms / s.busyMs) * 100).toFixed(1)}%`;
  const table = (heading: string, rows: Array<[string, number]>) =>
    [
      `| ${heading} | ms | share of busy |`,
      "| --- | ---: | ---: |",
      ...rows.slice(0, top).map(([k, ms]) => `| \`${k}\` | ${ms.toFixed(0)} | ${pct(ms)} |`),
    ].join("\n");
  return [
    `#### ${title}`,
    "",
    `Profile: ${(s.totalMs / 1000).toFixed(1)} s, busy ${(s.busyMs / 1000).toFixed(1)} s.`,
    "",
    table("self time: function", s.self),
    "",
    table("inclusive time: function", s.inclusive),
    "",
    table("self time: package / folder", s.modules),
  ].join("\n");
}

function readProfile(file: string): CpuProfile {
  return JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
}

// Node names profiles CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile; thread 0 is the main one.
const THREAD = /^CPU\.\d+\.\d+\.\d+\.(\d+)\.\d+\.cpuprofile$/;

/**
 * One process's profiles (one file per thread): the main thread in full, the other threads
 * (tsx's loader, Debrief's SQLite worker) as their busy time and top functions.
 */
export function summariseProcessDir(dir: string, title: string, top = 20): string {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  const thread = (f: string) => Number(THREAD.exec(f)?.[1] ?? -1);
  const main = files.find((f) => thread(f) === 0) ?? files[0];
  if (!main) return `#### ${title}\n\nNo profile written.`;
  const parts = [
    renderProfileSummary(
      `${title}: main thread`,
      summariseProfile(readProfile(path.join(dir, main))),
      top,
    ),
  ];
  for (const f of files.filter((x) => x !== main)) {
    const s = summariseProfile(readProfile(path.join(dir, f)));
    const hot = s.self
      .slice(0, 5)
      .map(([k, ms]) => `\`${k}\` ${ms.toFixed(0)} ms`)
      .join(", ");
    parts.push(
      `Thread ${thread(f)}: busy ${(s.busyMs / 1000).toFixed(1)} s of ${(s.totalMs / 1000).toFixed(1)} s; top: ${hot}.`,
    );
  }
  return parts.join("\n\n");
}

/**
 * Summarises the profiles a bench run wrote (`<dir>/<workload>-<n>/`): per workload, the last
 * server start's (the process that was measured, not the one that prepared the rooms).
 */
export function summariseProfileDir(dir: string, top = 20): string {
  const latest = new Map<string, { name: string; n: number }>();
  for (const name of fs.readdirSync(dir)) {
    const m = /^(.*)-(\d+)$/.exec(name);
    if (!m || !fs.statSync(path.join(dir, name)).isDirectory()) continue;
    const [workload, n] = [m[1] as string, Number(m[2])];
    const known = latest.get(workload);
    if (!known || n > known.n) latest.set(workload, { name, n });
  }
  const parts = [`### Debrief CPU profiles (${dir})`];
  for (const [workload, { name }] of latest) {
    parts.push(summariseProcessDir(path.join(dir, name), workload, top));
  }
  return parts.join("\n\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = process.argv[2];
  const top = Number(process.argv[3] ?? 20);
  if (!target) {
    process.stderr.write("usage: summariseProfile.ts <file.cpuprofile | dir> [top]\n");
    process.exit(2);
  }
  let text: string;
  if (!fs.statSync(target).isDirectory()) {
    text = renderProfileSummary(path.basename(target), summariseProfile(readProfile(target)), top);
  } else if (fs.readdirSync(target).some((f) => f.endsWith(".cpuprofile"))) {
    text = summariseProcessDir(target, path.basename(target), top);
  } else {
    text = summariseProfileDir(target, top);
  }
  process.stdout.write(`${text}\n`);
}
