import type { AddressInfo } from "node:net";
import { type RawData, WebSocket, WebSocketServer } from "ws";
import type { Random } from "../../support/random";

export type NetworkFaults = { drop: number; duplicate: number; reorder: number };

/**
 * A WebSocket proxy between clients and the real server that misbehaves like a bad network,
 * frame by frame and in both directions, from a seeded random source: it duplicates frames,
 * swaps a frame with the next one, and drops frames — a drop also cuts the connection, since
 * TCP never loses a frame silently and a cut is how a real client learns to re-sync.
 */
export async function startFaultProxy(targetWsUrl: string, rnd: Random, faults: NetworkFaults) {
  const counts = { frames: 0, dropped: 0, duplicated: 0, reordered: 0, cuts: 0 };
  const pairs = new Set<() => void>();
  let current = faults;
  const wss = new WebSocketServer({
    port: 0,
    host: "127.0.0.1",
    handleProtocols: (offered) => (offered.has("debrief.v1") ? "debrief.v1" : false),
  });
  await new Promise((r) => wss.once("listening", r));

  wss.on("connection", (client, req) => {
    const offered = (req.headers["sec-websocket-protocol"] ?? "")
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean);
    const upstream = new WebSocket(
      `${targetWsUrl}${(req.url ?? "").replace(/^\/sync/, "")}`,
      offered,
    );
    const cut = () => {
      pairs.delete(cut);
      client.terminate();
      upstream.terminate();
    };
    pairs.add(cut);
    const early: RawData[] = [];
    upstream.on("open", () => {
      for (const data of early.splice(0)) upstream.send(data);
    });
    upstream.on("error", cut);
    client.on("error", cut);
    // A close on one side closes the other with the same code where a code may be sent.
    const mirror = (to: WebSocket) => (code: number, reason: Buffer) => {
      pairs.delete(cut);
      if (code === 1005 || code === 1006 || to.readyState !== WebSocket.OPEN) to.terminate();
      else to.close(code, reason.toString());
    };
    upstream.on("close", mirror(client));
    client.on("close", mirror(upstream));

    const pipe = (from: WebSocket, send: (d: RawData) => void) => {
      let held: RawData | undefined;
      let heldTimer: NodeJS.Timeout | undefined;
      const release = () => {
        clearTimeout(heldTimer);
        if (held) send(held);
        held = undefined;
      };
      from.on("message", (data) => {
        counts.frames++;
        if (rnd.chance(current.drop)) {
          counts.dropped++;
          counts.cuts++;
          cut();
          return;
        }
        if (!held && rnd.chance(current.reorder)) {
          counts.reordered++;
          held = data;
          // Swapped with the next frame, or let go after a moment if none comes.
          heldTimer = setTimeout(release, 20);
          return;
        }
        send(data);
        if (rnd.chance(current.duplicate)) {
          counts.duplicated++;
          send(data);
        }
        release();
      });
    };
    pipe(client, (d) => {
      if (upstream.readyState === WebSocket.OPEN) upstream.send(d);
      else if (upstream.readyState === WebSocket.CONNECTING) early.push(d);
    });
    pipe(upstream, (d) => {
      if (client.readyState === WebSocket.OPEN) client.send(d);
    });
  });

  const port = (wss.address() as AddressInfo).port;
  return {
    wsUrl: `ws://127.0.0.1:${port}/sync`,
    counts,
    /** Changes the fault rates, e.g. to zero for the final repair. */
    setFaults(next: NetworkFaults) {
      current = next;
    },
    /** Cuts one random live connection, as a flaky network would. */
    cutOne() {
      const victim = rnd.pick([...pairs]);
      if (victim) {
        counts.cuts++;
        victim();
      }
    },
    async close() {
      for (const cut of [...pairs]) cut();
      await new Promise((r) => wss.close(r));
    },
  };
}
