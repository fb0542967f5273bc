import os from "node:os";
import { buildReport, renderHtml, renderJson, renderMarkdown } from "../shared/report";
import { buildLargeBoardDoc } from "../tests/fixtures/report/largeBoard";

// `npm run bench:report`: how long the report takes for a 3,000-card board, per format, from
// the Y.Doc to the finished text (model built each time, as the endpoint does). Not a test:
// timings depend on the machine, so the figures go to docs/benchmarks.md, not into assertions.

const CARDS = Number(process.env.CARDS ?? 3000);
const RUNS = Number(process.env.RUNS ?? 20);
const WARMUP = 3;

function quantile(sorted: number[], q: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

function measure(fn: () => unknown): { median: number; p95: number; max: number } {
  for (let i = 0; i < WARMUP; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95), max: times.at(-1) ?? 0 };
}

const board = buildLargeBoardDoc(CARDS);
const report = buildReport(board, null);
const sizes = {
  md: renderMarkdown(report).length,
  html: renderHtml(report).length,
  json: renderJson(report).length,
};

const rows: [string, ReturnType<typeof measure>, number | null][] = [
  ["model (buildReport)", measure(() => buildReport(board, null)), null],
  ["Markdown (model + render)", measure(() => renderMarkdown(buildReport(board, null))), sizes.md],
  ["HTML (model + render)", measure(() => renderHtml(buildReport(board, null))), sizes.html],
  ["JSON (model + render)", measure(() => renderJson(buildReport(board, null))), sizes.json],
];

const ms = (n: number) => n.toFixed(0).padStart(6);
console.log(
  `Report benchmark: ${CARDS} cards, ${report.participants.length} lanes, ${RUNS} runs after ${WARMUP} warm-up`,
);
console.log(
  `Node ${process.version}, ${os.cpus()[0]?.model ?? "unknown CPU"} (${os.cpus().length} cores)\n`,
);
console.log(`${"".padEnd(28)} median ms   p95 ms   max ms   output`);
for (const [name, t, size] of rows) {
  const out = size === null ? "" : `${(size / 1024 / 1024).toFixed(2)} MiB`;
  console.log(`${name.padEnd(28)} ${ms(t.median)}   ${ms(t.p95)}   ${ms(t.max)}   ${out}`);
}
