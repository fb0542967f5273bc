import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { waitFor } from "./waitFor";

export type Client = { doc: Y.Doc; provider: WebsocketProvider; destroy(): void };

/** The stock y-websocket provider over a real socket, authenticated the way the browser is. */
// Each provider adds a process "exit" listener in Node; tests open many.
process.setMaxListeners(200);

export function connectClient(
  wsUrl: string,
  room: string,
  token: string,
  options: { doc?: Y.Doc; connect?: boolean } = {},
): Client {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    protocols: ["debrief.v1", `auth.${token}`],
    connect: options.connect ?? true,
    disableBc: true,
    // Keep reconnects quick in tests.
    maxBackoffTime: 200,
  });
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function synced(client: Client, timeoutMs = 10_000): Promise<void> {
  await waitFor(() => client.provider.synced, {
    timeoutMs,
    what: `${client.provider.roomname} synced`,
  });
}

/**
 * Waits until every doc has the same state: the same state vector and the same delete set.
 * The state vector alone is not enough: a deletion adds no struct, so a peer's offline
 * deletions travel (in its reply to the server's sync step 1) after both sides already show
 * equal state vectors.
 */
export async function converged(docs: Y.Doc[], timeoutMs = 15_000): Promise<void> {
  await waitFor(
    () => {
      const first = docs[0];
      if (!first) return true;
      const reference = Y.snapshot(first);
      return docs.every((d) => Y.equalSnapshots(Y.snapshot(d), reference));
    },
    { timeoutMs, what: "documents to converge" },
  );
}
