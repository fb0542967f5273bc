import { CLOSE } from "../../shared/session/closeCodes";
import { LINK_REPLACED, type LinkCheck } from "../auth/linkCheck";
import type { Session } from "../auth/tokens";
import type { Logger } from "../ops/log";
import type { ServerMetrics } from "../ops/metrics";
import { stampIdentity } from "./awarenessIdentity";
import { type BudgetRegistry, type Budgets, bucketKey } from "./rateLimit";
import type { Room } from "./room";
import type { RoomManager } from "./roomManager";
import type { Access } from "./roomName";
import { takeUpdate, type Writer } from "./updateIntake";
import {
  type ClientMessage,
  decodeClientMessage,
  encodeAwarenessMessage,
  encodeSync,
  ProtocolError,
} from "./wire";

/** The part of a `ws` WebSocket the connection uses. */
export type Socket = {
  readonly readyState: number;
  readonly bufferedAmount: number;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  ping(): void;
  terminate(): void;
  on(event: "pong", listener: () => void): void;
};

// The stock provider reconnects after 30 s without a message, and a lone client with no
// presence hears nothing; an empty awareness update after a beat of silence keeps it calm.
// The same beat pings at the WebSocket level to find peers that vanished without a close.
const KEEPALIVE_FRAME = encodeAwarenessMessage(new Uint8Array([0]));
// How long a new client's step 1 may wait for its first frames to leave (see attach).
const DRAIN_WAIT_MS = 2_000;
// setTimeout holds at most 2^31-1 ms (~24.8 days); longer sessions re-arm.
const MAX_TIMER_MS = 2 ** 31 - 1;

export type ConnectionLimits = {
  ratePerSecond: number;
  rateBurst: number;
  /** Updates per second per session and room (a subset of the messages above). */
  writesPerSecond: number;
  writeBurst: number;
  maxAwarenessStateBytes: number;
  /** A client that cannot keep up is dropped rather than buffered without bound. */
  maxBufferedBytes: number;
  /** Structs plus delete ranges in one update; see updateCost.ts. */
  maxUpdateStructs: number;
  /** Steady struct rate per session and room; the burst is `maxUpdateStructs`. */
  structsPerSecond: number;
  /** Conflict-resolution steps per session and room (see ConflictModel); also the most one update may take. */
  conflictStepsPerSecond: number;
  conflictStepsBurst: number;
  heartbeatMs: number;
};

type ConnectionDeps = {
  rooms: RoomManager;
  links: LinkCheck;
  budgets: BudgetRegistry;
  metrics: ServerMetrics;
  log: Logger;
  limits: ConnectionLimits;
};

const OPEN = 1;
let nextId = 1;

/**
 * One client's sync connection: buffers frames until its room is loaded, then answers the
 * y-websocket protocol. Any malformed frame closes this connection only.
 */
export class SyncConnection implements Writer {
  readonly id = nextId++;
  awarenessClientId: number | undefined;
  private room: Room | undefined;
  private pending: Uint8Array[] | undefined = [];
  private isClosed = false;
  // The budgets belong to the session in this room, not to the socket: see BudgetRegistry.
  readonly budgets: Budgets;
  private expiryTimer: NodeJS.Timeout | undefined;
  private readonly heartbeat: NodeJS.Timeout;
  private alive = true;
  private lastSentAt = Date.now();

  constructor(
    private readonly socket: Socket,
    readonly roomName: string,
    private readonly access: Exclude<Access, "none">,
    readonly session: Session,
    private readonly deps: ConnectionDeps,
  ) {
    this.budgets = deps.budgets.get(bucketKey(roomName, session));
    this.armExpiry(session.expiresAt);
    socket.on("pong", () => {
      this.alive = true;
    });
    this.heartbeat = setInterval(() => this.beat(), deps.limits.heartbeatMs);
    this.heartbeat.unref();
    deps.metrics.connections.inc();
    void this.attach();
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Handles one frame from the socket (binary as ArrayBuffer, text as string). */
  receive(data: ArrayBuffer | string | Blob): void {
    if (this.closed) return;
    if (!(data instanceof ArrayBuffer)) {
      this.deps.metrics.protocolErrors.inc();
      this.close(CLOSE.unsupportedData, "binary frames only");
      return;
    }
    this.deps.metrics.bytesIn.inc(data.byteLength);
    if (!this.budgets.messages.take()) {
      this.deps.metrics.rateLimited.inc();
      this.close(CLOSE.policyViolation, "rate limit exceeded");
      return;
    }
    const frame = new Uint8Array(data);
    if (this.pending) this.pending.push(frame);
    else this.handle(frame);
  }

  /** The socket closed (either side). */
  onClosed(): void {
    if (this.closed && !this.room) return;
    this.isClosed = true;
    clearTimeout(this.expiryTimer);
    clearInterval(this.heartbeat);
    if (this.room) {
      this.room.removePeer(this);
      this.deps.rooms.release(this.room);
      this.room = undefined;
      this.deps.metrics.connections.dec();
    }
  }

  send(frame: Uint8Array): void {
    if (this.closed || this.socket.readyState !== OPEN) return;
    if (this.socket.bufferedAmount > this.deps.limits.maxBufferedBytes) {
      this.deps.metrics.rateLimited.inc();
      this.close(CLOSE.policyViolation, "client too slow");
      return;
    }
    this.socket.send(frame);
    this.lastSentAt = Date.now();
    this.deps.metrics.bytesOut.inc(frame.byteLength);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.deps.log.info("sync.close", { room: this.roomName, conn: this.id, code, reason });
    this.socket.close(code, reason);
    this.onClosed();
  }

  private armExpiry(expiresAt: number): void {
    const ttl = expiresAt - Date.now();
    if (ttl <= 0) {
      this.close(CLOSE.sessionExpired, "session expired");
      return;
    }
    this.expiryTimer = setTimeout(() => this.armExpiry(expiresAt), Math.min(ttl, MAX_TIMER_MS));
    this.expiryTimer.unref();
  }

  /** Closes this connection (4401) when its session's link was replaced, as far as known here. */
  closeIfLinkReplaced(): void {
    if (!this.closed && this.deps.links.knownReplaced(this.session)) {
      this.close(CLOSE.sessionExpired, LINK_REPLACED);
    }
  }

  private beat(): void {
    this.closeIfLinkReplaced();
    if (this.closed) return;
    if (!this.alive) {
      // No pong since the last beat: the peer is gone without a closing handshake.
      this.deps.log.info("sync.close", { room: this.roomName, conn: this.id, reason: "no pong" });
      this.socket.terminate();
      this.onClosed();
      return;
    }
    this.alive = false;
    this.socket.ping();
    if (Date.now() - this.lastSentAt >= this.deps.limits.heartbeatMs) this.send(KEEPALIVE_FRAME);
  }

  private async attach(): Promise<void> {
    let room: Room;
    try {
      room = await this.deps.rooms.open(this.roomName);
    } catch (error) {
      this.deps.log.error("room.load.failed", { room: this.roomName, error });
      this.deps.metrics.storageErrors.inc();
      this.deps.metrics.connections.dec();
      this.close(CLOSE.internalError, "storage unavailable");
      return;
    }
    if (this.closed) {
      this.deps.metrics.connections.dec();
      this.deps.rooms.release(room);
      return;
    }
    this.room = room;
    room.addPeer(this);
    // The client's own step 1 (sent on open) is answered first: for a client with nothing,
    // from the room's encoded state without waiting for the document (see RoomDocument).
    const queued = this.pending ?? [];
    this.pending = undefined;
    for (const frame of queued) this.handle(frame);
    const awareness = room.awarenessSnapshot();
    if (awareness) this.send(awareness);
    // Our step 1 reads the room's state vector; on a room not built yet that parses the
    // snapshot (tens of ms for 3,000 cards), so the board this client was just sent goes out
    // on the wire first instead of waiting in the socket's buffer.
    if (!room.document.built) await this.drained();
    if (this.closed) return;
    this.send(encodeSync("step1", room.document.stateVector()));
  }

  /** Resolves once the socket has handed everything sent so far to the kernel (or closed). */
  private async drained(): Promise<void> {
    const deadline = Date.now() + DRAIN_WAIT_MS;
    while (!this.closed && this.socket.bufferedAmount > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1));
    }
  }

  private handle(frame: Uint8Array): void {
    const room = this.room;
    if (this.closed || !room) return;
    let message: ClientMessage;
    try {
      message = decodeClientMessage(frame, this.deps.limits.maxAwarenessStateBytes);
      this.dispatch(room, message);
    } catch (error) {
      this.deps.metrics.protocolErrors.inc();
      const reason = error instanceof ProtocolError ? error.message : "malformed frame";
      this.close(CLOSE.protocolError, reason);
    }
  }

  private dispatch(room: Room, message: ClientMessage): void {
    switch (message.type) {
      case "sync-step1": {
        if (isEmptyStateVector(message.stateVector)) {
          this.send(room.document.fullStateFrame());
          return;
        }
        let diff: Uint8Array;
        try {
          diff = room.document.missingFor(message.stateVector);
        } catch {
          throw new ProtocolError("malformed state vector");
        }
        this.send(encodeSync("step2", diff));
        return;
      }
      case "sync-step2":
      case "update":
        if (this.access === "write") takeUpdate(this, room, message.update, this.deps);
        // Read-only: the frame is dropped, never applied; the connection may keep reading.
        else this.deps.metrics.droppedReadOnly.inc();
        return;
      case "awareness":
        room.applyAwareness(this, stampIdentity(message.entries, this.session));
        return;
      case "query-awareness": {
        const awareness = room.awarenessSnapshot();
        if (awareness) this.send(awareness);
        return;
      }
    }
  }
}

/** A client with nothing yet sends the state vector of no clients: a single zero. */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}
