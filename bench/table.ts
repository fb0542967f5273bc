import type { PeerId } from "./servers/peers";

/**
 * A workload's result: one row per metric, one column per peer, then Debrief / peer for each
 * real peer. Rendered as Markdown so the output pastes straight into docs/benchmarks.md.
 */
export type Row = {
  metric: string;
  /** Which way is better, so a reader knows whether a ratio of 0.6 is good news. */
  better: "lower" | "higher" | "info";
  digits: number;
  values: Partial<Record<PeerId, number>>;
};

export type Table = { id: string; title: string; what: string; rows: Row[]; notes: string[] };

export type Column = { id: PeerId; label: string };

const ARROW = { lower: " ↓", higher: " ↑", info: "" } as const;

function format(value: number | undefined, digits: number): string {
  if (value === undefined || !Number.isFinite(value)) return "n/a";
  return value.toLocaleString("en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

function ratio(row: Row, peer: PeerId): string {
  const ours = row.values.debrief;
  const theirs = row.values[peer];
  if (row.better === "info" || ours === undefined || theirs === undefined) return "";
  if (!Number.isFinite(ours) || !Number.isFinite(theirs) || theirs === 0) return "n/a";
  return `${(ours / theirs).toFixed(2)}×`;
}

/** The table as Markdown; ↓ marks metrics where lower is better, ↑ where higher is. */
export function renderTable(table: Table, columns: Column[]): string {
  const ratioPeers = columns.filter((c) => c.id === "hocuspocus" || c.id === "y-websocket");
  const withRatios = columns.some((c) => c.id === "debrief") ? ratioPeers : [];
  const header = [
    "metric",
    ...columns.map((c) => c.label),
    ...withRatios.map((c) => `Debrief / ${c.label}`),
  ];
  const lines = [
    `### ${table.title}`,
    "",
    table.what,
    "",
    `| ${header.join(" | ")} |`,
    `| ${header.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`,
  ];
  for (const row of table.rows) {
    const cells = [
      `${row.metric}${ARROW[row.better]}`,
      ...columns.map((c) => format(row.values[c.id], row.digits)),
      ...withRatios.map((c) => ratio(row, c.id)),
    ];
    lines.push(`| ${cells.join(" | ")} |`);
  }
  if (table.notes.length > 0) lines.push("", ...table.notes.map((n) => `- ${n}`));
  return lines.join("\n");
}
