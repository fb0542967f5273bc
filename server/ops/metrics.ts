import { registerProcessMetrics } from "./processMetrics";
import { registerTestCensus } from "./testCensus";

/**
 * A small Prometheus registry: counters, gauges and latency summaries rendered in the
 * text exposition format. Kept in-house because the set is tiny and fixed.
 */
type Sample = { name: string; help: string; type: "counter" | "gauge" | "summary"; read(): string };

export type Counter = { inc(by?: number): void; value(): number };
export type Gauge = {
  set(v: number): void;
  inc(by?: number): void;
  dec(by?: number): void;
  value(): number;
};
export type Latency = { observe(ms: number): void; count(): number };

export class Metrics {
  private readonly samples: Sample[] = [];

  counter(name: string, help: string): Counter {
    let v = 0;
    this.samples.push({ name, help, type: "counter", read: () => `${name} ${v}` });
    return {
      inc: (by = 1) => {
        v += by;
      },
      value: () => v,
    };
  }

  gauge(name: string, help: string, read?: () => number): Gauge {
    let v = 0;
    this.samples.push({ name, help, type: "gauge", read: () => `${name} ${read ? read() : v}` });
    return {
      set: (x) => {
        v = x;
      },
      inc: (by = 1) => {
        v += by;
      },
      dec: (by = 1) => {
        v -= by;
      },
      value: () => (read ? read() : v),
    };
  }

  /** Milliseconds; exposes sum, count and the maximum seen since start. */
  latency(name: string, help: string): Latency {
    let sum = 0;
    let count = 0;
    let max = 0;
    this.samples.push({
      name,
      help,
      type: "summary",
      read: () =>
        [`${name}_sum ${sum / 1000}`, `${name}_count ${count}`, `${name}_max ${max / 1000}`].join(
          "\n",
        ),
    });
    return {
      observe: (ms) => {
        sum += ms;
        count++;
        if (ms > max) max = ms;
      },
      count: () => count,
    };
  }

  render(): string {
    return `${this.samples
      .map((s) => `# HELP ${s.name} ${s.help}\n# TYPE ${s.name} ${s.type}\n${s.read()}`)
      .join("\n")}\n`;
  }
}

/** The server's metrics, created once per server instance. */
export function createServerMetrics(
  gauges: { rooms: () => number },
  options = { testHooks: false },
) {
  const m = new Metrics();
  registerProcessMetrics(m);
  if (options.testHooks) registerTestCensus(m);
  return {
    registry: m,
    rooms: m.gauge("debrief_rooms_loaded", "Rooms held in memory", gauges.rooms),
    connections: m.gauge("debrief_connections", "Open sync connections"),
    updatesIn: m.counter(
      "debrief_updates_in_total",
      "Document updates stored (from clients and server-made changes)",
    ),
    updatesOut: m.counter("debrief_updates_out_total", "Document update frames sent to clients"),
    bytesIn: m.counter("debrief_bytes_in_total", "Bytes received on sync sockets"),
    bytesOut: m.counter("debrief_bytes_out_total", "Bytes sent on sync sockets"),
    storageLatency: m.latency("debrief_storage_seconds", "Storage call latency"),
    storageErrors: m.counter(
      "debrief_storage_errors_total",
      "Storage calls that failed (appends, loads, compactions)",
    ),
    compactions: m.counter("debrief_compactions_total", "Room logs folded into a snapshot"),
    protocolErrors: m.counter("debrief_protocol_errors_total", "Connections closed for bad frames"),
    rateLimited: m.counter(
      "debrief_rate_limited_total",
      "Connections closed for exceeding the message rate or falling too far behind",
    ),
    conflictSteps: m.counter(
      "debrief_conflict_steps_total",
      "Items Yjs's conflict resolution passes for accepted updates, counted before storing",
    ),
    updatesDeferred: m.counter(
      "debrief_updates_deferred_total",
      "Updates not stored because they build on items the room lacks; the sender was asked to resync",
    ),
    slicedUpdates: m.counter(
      "debrief_updates_sliced_total",
      "Stored updates too large to apply in one go, applied a piece per event-loop turn",
    ),
    handshakesRefused: m.counter(
      "debrief_sync_handshakes_refused_total",
      "Sync upgrade requests answered with an HTTP error status instead of a WebSocket",
    ),
    refusalsHeld: m.gauge(
      "debrief_sync_refusals_held",
      "Sync refusals (429) held until the session's budget could admit it, a second at most",
    ),
    connectionsRefused: m.counter(
      "debrief_connections_refused_total",
      "Sync connections closed with 4429 at open: room full or too many from one address",
    ),
    droppedReadOnly: m.counter(
      "debrief_readonly_writes_dropped_total",
      "Write frames dropped from read-only connections",
    ),
  };
}

export type ServerMetrics = ReturnType<typeof createServerMetrics>;
