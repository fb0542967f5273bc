import type { RelayMessage } from "../cluster/relay";
import type { Logger } from "../ops/log";
import { Room, type RoomDeps } from "./room";

type Entry = {
  ready: Promise<Room>;
  room?: Room;
  idleTimer?: NodeJS.Timeout;
  unloading?: Promise<void>;
};

/**
 * Loads each room once, shares it between connections, and saves and unloads it after it has
 * had no connections for `idleMs`.
 */
export function createRoomManager(deps: RoomDeps & { idleMs: number; log: Logger }) {
  const entries = new Map<string, Entry>();
  const loadListeners = new Set<(room: Room) => void>();

  const load = (name: string): Entry => {
    const entry = {} as Entry;
    entry.ready = (async () => {
      // Subscribe before loading: an update stored after the load is then sure to arrive
      // through the relay (one stored before may arrive twice, which Yjs ignores).
      const early: RelayMessage[] = [];
      await deps.relay?.subscribe(name, (message) => {
        if (entry.room) entry.room.receiveRelay(message);
        else early.push(message);
      });
      const started = performance.now();
      const stored = await deps.storage.load(name);
      deps.metrics.storageLatency.observe(performance.now() - started);
      const room = new Room(name, deps);
      room.load(stored);
      entry.room = room;
      for (const message of early) room.receiveRelay(message);
      deps.relay?.publish(name, { kind: "awareness-query", payload: new Uint8Array() });
      for (const listener of loadListeners) listener(room);
      deps.log.debug("room.loaded", { room: name, bytes: stored.bytes, rows: stored.logRows });
      return room;
    })();
    // A failed load must not stay cached: the next connection tries again.
    entry.ready.catch(() => {
      if (entries.get(name) === entry) entries.delete(name);
    });
    entries.set(name, entry);
    return entry;
  };

  const unload = async (name: string, entry: Entry) => {
    const room = entry.room;
    if (!room) return;
    await room.settle();
    await room.compactNow();
    room.destroy();
    if (entries.get(name) === entry) entries.delete(name);
    await deps.relay?.unsubscribe(name).catch(() => {});
    deps.log.debug("room.unloaded", { room: name });
  };

  const scheduleUnload = (name: string, entry: Entry) => {
    clearTimeout(entry.idleTimer);
    entry.idleTimer = setTimeout(() => {
      if (entry.room && entry.room.peers.size === 0 && !entry.unloading) {
        entry.unloading = unload(name, entry);
      }
    }, deps.idleMs);
    entry.idleTimer.unref();
  };

  // After a relay outage, messages in between are lost: storage has everything that was
  // relayed, so each loaded room re-reads it.
  deps.relay?.onReconnect(() => {
    for (const [name, entry] of entries) {
      const room = entry.room;
      if (!room || entry.unloading) continue;
      deps.storage.load(name).then(
        (stored) => room.catchUp(stored),
        (error: unknown) => deps.log.error("room.catch_up.failed", { room: name, error }),
      );
    }
  });

  return {
    /** The loaded room, loading it first if needed (waiting out an unload in progress). */
    async open(name: string): Promise<Room> {
      for (;;) {
        const entry = entries.get(name) ?? load(name);
        if (entry.unloading) {
          await entry.unloading;
          continue;
        }
        clearTimeout(entry.idleTimer);
        const room = await entry.ready;
        if (entry.unloading) continue;
        return room;
      }
    },

    /** Call when a room may have become idle (its last connection left, or a server change). */
    release(room: Room): void {
      const entry = entries.get(room.name);
      if (entry?.room === room && room.peers.size === 0) scheduleUnload(room.name, entry);
    },

    /**
     * Runs a server change on a room, loading it if needed; the room unloads again when idle.
     */
    async change(name: string, fn: Parameters<Room["change"]>[0]): Promise<void> {
      const room = await this.open(name);
      try {
        await room.change(fn);
      } finally {
        this.release(room);
      }
    },

    /** Calls `listener` with every room once it is loaded (e.g. to watch drafts rooms). */
    onLoad(listener: (room: Room) => void): void {
      loadListeners.add(listener);
    },

    get size(): number {
      return entries.size;
    },

    /** Saves and unloads every room (shutdown). */
    async closeAll(): Promise<void> {
      await Promise.allSettled(
        [...entries].map(async ([name, entry]) => {
          clearTimeout(entry.idleTimer);
          await entry.ready.catch(() => undefined);
          entry.unloading ??= unload(name, entry);
          await entry.unloading;
        }),
      );
    },
  };
}

export type RoomManager = ReturnType<typeof createRoomManager>;
