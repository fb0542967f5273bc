import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { Relay, RelayMessage } from "../cluster/relay";
import type { Logger } from "../ops/log";
import type { ServerMetrics } from "../ops/metrics";
import type { Storage, StoredDoc } from "../storage/storage";
import { ChangeCopy } from "./changeCopy";
import { DocumentQueue } from "./documentQueue";
import type { GroupCommit } from "./groupCommit";
import { PendingUpdates } from "./pendingUpdates";
import { PresenceBatch } from "./presenceBatch";
import { RoomDocument } from "./roomDocument";
import type { DecodedUpdate } from "./validateUpdate";
import {
  type AwarenessEntry,
  encodeAwarenessEntries,
  encodeAwarenessMessage,
  encodeSync,
} from "./wire";

/** What a room needs of a connection. */
export interface Peer {
  readonly id: number;
  /** The awareness client id this connection speaks for, bound on its first awareness entry. */
  awarenessClientId: number | undefined;
  send(frame: Uint8Array): void;
  close(code: number, reason: string): void;
}

export type RoomDeps = {
  commit: GroupCommit;
  storage: Storage;
  metrics: ServerMetrics;
  log: Logger;
  maxDocBytes: number;
  /** Structs the document may hold, those accepted but not applied yet included. */
  maxDocStructs: number;
  compactAfterUpdates: number;
  /** Other nodes holding the same rooms; absent on a single node. */
  relay?: Relay;
};

// A change of the server's own this small (a lane, a rename, the meeting's state) may take a
// document past its limits: otherwise nobody could join a full board, nor rejoin it.
const SERVER_HEADROOM = { structs: 64, bytes: 4096 };

export class DocumentTooLargeError extends Error {
  override name = "DocumentTooLargeError";
}

// Changes that came from another node: relayed to local peers, never published back.
const RELAY_ORIGIN = Symbol("relay");

function randomClientId(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] as number;
}

/**
 * One loaded document and the connections on it. Updates go to storage first and are applied
 * to the document (and so relayed) only once they are durable.
 */
export class Room {
  /** The room's Y.Doc and its encoded forms, built from storage when first needed. */
  readonly document = new RoomDocument(
    (update, origin) => {
      this.pending.discardModel();
      this.relayChange(update, origin);
    },
    (error) => this.deps.log.error("room.load.bad_row", { room: this.name, error }),
  );
  // Made on first use: an idle room that only serves its snapshot needs no presence, and an
  // Awareness costs its maps and a check timer.
  private awarenessInstance: awarenessProtocol.Awareness | undefined;
  readonly peers = new Set<Peer>();
  private storedBytes = 0;
  // Stored updates waiting for this tick's transaction (see applyStored).
  // Stored updates on their way into the document, and document work that spans turns.
  private readonly work = new DocumentQueue(() => this.doc, {
    applied: (batch) => {
      this.pending.applied(batch);
      this.maybeCompact();
    },
    // Validated before it was stored; a failure here is a bug, not the client's.
    failed: (error) => this.deps.log.error("room.apply.failed", { room: this.name, error }),
    sliced: () => this.deps.metrics.slicedUpdates.inc(),
  });
  private readonly presence = new PresenceBatch(
    (frame, except) => this.broadcast(frame, except),
    (payload) => this.deps.relay?.publish(this.name, { kind: "awareness", payload }),
    () => this.awareness,
    RELAY_ORIGIN,
  );
  private logRows = 0;
  private readonly inFlight = new Set<Promise<unknown>>();
  private compacting = false;
  // Server-made changes share one client id per loaded room (not the room doc's own, which
  // never writes) and are serialised, so each change's copy already holds the previous one
  // and its clock continues from there.
  private readonly changeCopy = new ChangeCopy(() => this.doc, randomClientId());
  private changeChain: Promise<void> = Promise.resolve();
  /** Updates accepted for storage but not applied yet (see `lacksDependencies`, ConflictModel). */
  readonly pending = new PendingUpdates(() => this.doc);

  constructor(
    readonly name: string,
    private readonly deps: RoomDeps,
  ) {}

  /** A change to the document (not a load): to every peer, and to the other nodes. */
  private relayChange(update: Uint8Array, origin: unknown): void {
    const sent = this.broadcast(encodeSync("update", update), origin);
    this.deps.metrics.updatesOut.inc(sent);
    // Published only once stored (see applyStored): other nodes relay nothing that could be
    // lost, and never what came from them.
    if (origin !== RELAY_ORIGIN) {
      this.deps.relay?.publish(this.name, { kind: "update", payload: update });
    }
  }

  /** The room's presence, made on first use. */
  get awareness(): awarenessProtocol.Awareness {
    if (this.awarenessInstance) return this.awarenessInstance;
    const awareness = new awarenessProtocol.Awareness(this.document.ydoc);
    // The server has no presence of its own.
    awareness.setLocalState(null);
    awareness.on(
      "update",
      (
        { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
        origin: unknown,
      ) => this.presence.note([...added, ...updated, ...removed], origin),
    );
    this.awarenessInstance = awareness;
    return awareness;
  }

  /** Takes what storage holds (see RoomDocument for why a snapshot waits until needed). */
  load(stored: StoredDoc): void {
    this.storedBytes = stored.bytes;
    this.logRows = stored.logRows;
    this.document.load(stored.updates);
  }

  /** The room's document, with everything stored applied. */
  get doc(): Y.Doc {
    return this.document.doc;
  }

  get bytes(): number {
    return this.storedBytes;
  }

  /** Structs in the document and in the updates accepted for it but not applied yet. */
  get structs(): number {
    let n = this.pending.structs;
    for (const structs of this.doc.store.clients.values()) n += structs.length;
    return n;
  }

  /**
   * Stores an update, then applies and relays it. Rejects (and relays nothing) when storage
   * fails or the document would grow past one of its limits (bytes stored, structs held),
   * unless it is a small change of the server's own (`serverChange`).
   */
  submit(
    update: Uint8Array,
    from?: Peer,
    decoded?: DecodedUpdate,
    serverChange = false,
  ): Promise<void> {
    const parsed = decoded ?? Y.decodeUpdate(update);
    const exempt =
      serverChange &&
      parsed.structs.length <= SERVER_HEADROOM.structs &&
      update.byteLength <= SERVER_HEADROOM.bytes;
    if (
      !exempt &&
      (this.storedBytes + update.byteLength > this.deps.maxDocBytes ||
        this.structs + parsed.structs.length > this.deps.maxDocStructs)
    ) {
      this.pending.discardModel(); // it may hold this update, which will not be stored
      return Promise.reject(new DocumentTooLargeError(`room ${this.name} is at its size limit`));
    }
    this.deps.metrics.updatesIn.inc();
    this.pending.accept(parsed);
    const done = this.deps.commit
      .enqueue(this.name, update)
      .then(() => this.applyStored(update, from, parsed));
    done.catch(() => this.pending.failed(parsed));
    this.track(done);
    return done;
  }

  /** Queues a stored update for the document (see DocumentQueue); resolves once applied. */
  private applyStored(
    update: Uint8Array,
    from: Peer | undefined,
    decoded: DecodedUpdate,
  ): Promise<void> {
    this.storedBytes += update.byteLength;
    this.logRows++;
    return this.work.add({ update, from, decoded });
  }

  /** Whether document work that spans turns is running or waiting (see `serialize`). */
  get busy(): boolean {
    return this.work.busy;
  }

  /**
   * Runs `task` once the document work queued before it is done. Work that pauses for other
   * rooms' messages must not see the document change under it, nor reorder what it applies.
   */
  serialize<T>(task: () => T | Promise<T>): Promise<T> {
    return this.work.serialize(task);
  }

  /**
   * A change made by the server (a participant's lane, the meeting state). It is made on a
   * copy of the document (ChangeCopy) and goes through `submit`, so it is durable before
   * anyone sees it.
   */
  change(fn: (doc: Y.Doc) => void): Promise<void> {
    const run = async () => {
      try {
        const copy = this.changeCopy.current();
        const before = Y.encodeStateVector(copy);
        const updates: Uint8Array[] = [];
        const collect = (u: Uint8Array) => updates.push(u);
        copy.on("update", collect);
        try {
          fn(copy);
        } finally {
          copy.off("update", collect);
        }
        if (updates.length > 0) {
          await this.submit(Y.encodeStateAsUpdate(copy, before), undefined, undefined, true);
        }
        this.changeCopy.kept();
      } catch (error) {
        this.changeCopy.drop();
        throw error;
      }
    };
    const result = this.changeChain.then(run);
    this.changeChain = result.catch(() => {});
    return result;
  }

  /** A message from another node holding this room. */
  receiveRelay(message: RelayMessage): void {
    try {
      if (message.kind === "update") {
        // Stored by the node that accepted it; here it is only applied and passed on.
        this.storedBytes += message.payload.byteLength;
        Y.applyUpdate(this.doc, message.payload, RELAY_ORIGIN);
      } else if (message.kind === "awareness") {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, message.payload, RELAY_ORIGIN);
      } else {
        // A node that just opened the room asks who is here: answer for our own peers.
        const states = this.awarenessInstance?.states;
        const ids = [...this.peers].flatMap((p) =>
          p.awarenessClientId !== undefined && states?.has(p.awarenessClientId)
            ? [p.awarenessClientId]
            : [],
        );
        if (ids.length === 0) return;
        const payload = awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids);
        this.deps.relay?.publish(this.name, { kind: "awareness", payload });
      }
    } catch (error) {
      this.deps.log.error("relay.receive.failed", { room: this.name, error });
    }
  }

  /** Applies what storage holds now; after a relay outage this fills in what was missed. */
  catchUp(stored: StoredDoc): void {
    for (const update of stored.updates) {
      try {
        Y.applyUpdate(this.doc, update, RELAY_ORIGIN);
      } catch (error) {
        this.deps.log.error("room.catch_up.bad_row", { room: this.name, error });
      }
    }
  }

  addPeer(peer: Peer): void {
    this.peers.add(peer);
  }

  removePeer(peer: Peer): void {
    this.peers.delete(peer);
    const id = peer.awarenessClientId;
    if (id !== undefined && this.awarenessInstance?.states.has(id)) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [id], peer);
    }
  }

  /**
   * Applies awareness entries a connection sent, keeping only those for the client id it
   * speaks for. y-websocket clients echo every state they hear, so foreign ids are dropped
   * quietly rather than treated as an attack.
   */
  applyAwareness(peer: Peer, entries: AwarenessEntry[]): void {
    if (peer.awarenessClientId === undefined) {
      const claim = entries.find((e) => !this.isOwnedByOther(e.clientId, peer));
      if (claim) peer.awarenessClientId = claim.clientId;
    }
    const own = entries.filter((e) => e.clientId === peer.awarenessClientId);
    if (own.length === 0) return;
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(own), peer);
  }

  /** The current awareness of everyone in the room, for a newly connected client. */
  awarenessSnapshot(): Uint8Array | undefined {
    if (!this.awarenessInstance) return undefined;
    const ids = [...this.awarenessInstance.getStates().keys()];
    if (ids.length === 0) return undefined;
    return encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids));
  }

  /** Sends one encoded frame to every peer except `except` (encoded once for all); returns how many. */
  broadcast(frame: Uint8Array, except?: unknown): number {
    let sent = 0;
    for (const peer of this.peers) {
      if (peer !== except) {
        peer.send(frame);
        sent++;
      }
    }
    return sent;
  }

  /** Resolves when every update submitted so far is stored (or failed) and compaction is idle. */
  async settle(): Promise<void> {
    await this.changeChain;
    while (this.inFlight.size > 0 || this.work.busy) {
      await Promise.allSettled([...this.inFlight, this.work.idle()]);
    }
  }

  /** Folds the log into a snapshot (used when the room goes idle); errors are logged. */
  async compactNow(): Promise<void> {
    if (this.logRows === 0 || this.compacting) return;
    this.compacting = true;
    const started = performance.now();
    try {
      const result = await this.deps.storage.compact(this.name);
      this.deps.metrics.storageLatency.observe(performance.now() - started);
      this.logRows -= result.rowsFolded;
      this.storedBytes += result.bytesAfter - result.bytesBefore;
      this.deps.metrics.compactions.inc();
      this.deps.log.debug("room.compacted", { room: this.name, ...result });
    } catch (error) {
      this.deps.metrics.storageErrors.inc();
      this.deps.log.error("room.compact.failed", { room: this.name, error });
    } finally {
      this.compacting = false;
    }
  }

  destroy(): void {
    this.changeCopy.drop();
    this.presence.flush();
    this.awarenessInstance?.destroy();
    this.document.destroy();
  }

  private maybeCompact(): void {
    if (this.logRows >= this.deps.compactAfterUpdates && !this.compacting) {
      this.track(this.compactNow());
    }
  }

  private track(p: Promise<unknown>): void {
    const settled = p.then(
      () => {},
      () => {},
    );
    this.inFlight.add(settled);
    void settled.then(() => this.inFlight.delete(settled));
  }

  private isOwnedByOther(clientId: number, peer: Peer): boolean {
    for (const other of this.peers) {
      if (other !== peer && other.awarenessClientId === clientId) return true;
    }
    return false;
  }
}
