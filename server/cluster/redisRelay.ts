import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import type { Logger } from "../ops/log";
import type { Relay, RelayKind, RelayMessage } from "./relay";

const KINDS: RelayKind[] = ["update", "awareness", "awareness-query"];
const NODE_ID_BYTES = 12;

const channelOf = (room: string) => `debrief:room:${room}`;

/**
 * Redis pub/sub between nodes. Each message is `[kind][node id][payload]`; a node ignores its
 * own. ioredis resubscribes by itself after a reconnect; listeners hear about it so rooms can
 * catch up from storage on what they missed meanwhile.
 */
export async function createRedisRelay(
  url: string,
  log: Logger,
): Promise<Relay & { nodeId: string; commands: Redis }> {
  const nodeId = randomBytes(NODE_ID_BYTES);
  const options = { maxRetriesPerRequest: null, enableOfflineQueue: true, lazyConnect: true };
  const pub = new Redis(url, options);
  const sub = new Redis(url, options);
  const handlers = new Map<string, (message: RelayMessage) => void>();
  const reconnectListeners = new Set<() => void>();
  let connectedOnce = false;

  for (const client of [pub, sub]) {
    client.on("error", (error: Error) => log.warn("relay.redis.error", { error }));
  }
  sub.on("ready", () => {
    if (connectedOnce) {
      log.info("relay.redis.reconnected", { rooms: handlers.size });
      for (const listener of reconnectListeners) listener();
    }
    connectedOnce = true;
  });
  sub.on("messageBuffer", (channel: Buffer, message: Buffer) => {
    const handler = handlers.get(channel.toString().slice("debrief:room:".length));
    if (!handler || message.length < 1 + NODE_ID_BYTES) return;
    if (message.subarray(1, 1 + NODE_ID_BYTES).equals(nodeId)) return;
    const kind = KINDS[message[0] ?? 255];
    if (!kind) return;
    handler({ kind, payload: new Uint8Array(message.subarray(1 + NODE_ID_BYTES)) });
  });

  await Promise.all([pub.connect(), sub.connect()]);

  return {
    nodeId: nodeId.toString("hex"),
    // The publishing connection also serves plain commands (the timer locks).
    commands: pub,
    async subscribe(room, onMessage) {
      handlers.set(room, onMessage);
      await sub.subscribe(channelOf(room));
    },
    async unsubscribe(room) {
      handlers.delete(room);
      await sub.unsubscribe(channelOf(room));
    },
    publish(room, message) {
      const frame = Buffer.concat([
        Buffer.from([KINDS.indexOf(message.kind)]),
        nodeId,
        Buffer.from(message.payload.buffer, message.payload.byteOffset, message.payload.byteLength),
      ]);
      // Fire and forget: the update is durable already; a node that misses it catches up from
      // storage when its Redis connection comes back.
      pub.publish(channelOf(room), frame).catch((error: unknown) => {
        log.warn("relay.publish.failed", { room, error });
      });
    },
    onReconnect(listener) {
      reconnectListeners.add(listener);
    },
    async close() {
      handlers.clear();
      pub.disconnect();
      sub.disconnect();
    },
  };
}
