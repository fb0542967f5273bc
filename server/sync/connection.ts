import * as Y from "yjs";
import type { Session } from "../auth/tokens";
import type { Logger } from "../ops/log";
import type { ServerMetrics } from "../ops/metrics";
import { CLOSE } from "./closeCodes";
import { createTokenBucket } from "./rateLimit";
import { DocumentTooLargeError, type Peer, type Room } from "./room";
import type { RoomManager } from "./roomManager";
import type { Access } from "./roomName";
import { inspectUpdate } from "./validateUpdate";
import { type ClientMessage, decodeClientMessage, encodeSync, ProtocolError } from "./wire";

/** The part of a WebSocket the connection uses (hono's WSContext satisfies it). */
export type Socket = {
  readonly readyState: number;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
};

export type ConnectionLimits = {
  ratePerSecond: number;
  rateBurst: number;
  maxAwarenessStateBytes: number;
  /** A client that cannot keep up is dropped rather than buffered without bound. */
  maxBufferedBytes: number;
};

type ConnectionDeps = {
  rooms: RoomManager;
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
export class SyncConnection implements Peer {
  readonly id = nextId++;
  awarenessClientId: number | undefined;
  private room: Room | undefined;
  private pending: Uint8Array[] | undefined = [];
  private closed = false;
  private readonly bucket;
  private readonly expiryTimer: NodeJS.Timeout;

  constructor(
    private readonly socket: Socket & { bufferedAmount?: number },
    private readonly roomName: string,
    private readonly access: Exclude<Access, "none">,
    session: Session,
    private readonly deps: ConnectionDeps,
  ) {
    this.bucket = createTokenBucket(deps.limits.ratePerSecond, deps.limits.rateBurst);
    const ttl = Math.max(0, session.expiresAt - Date.now());
    this.expiryTimer = setTimeout(() => this.close(CLOSE.sessionExpired, "session expired"), ttl);
    this.expiryTimer.unref();
    deps.metrics.connections.inc();
    void this.attach();
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
    if (!this.bucket.take()) {
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
    this.closed = true;
    clearTimeout(this.expiryTimer);
    if (this.room) {
      this.room.removePeer(this);
      this.deps.rooms.release(this.room);
      this.room = undefined;
      this.deps.metrics.connections.dec();
    }
  }

  send(frame: Uint8Array): void {
    if (this.closed || this.socket.readyState !== OPEN) return;
    if ((this.socket.bufferedAmount ?? 0) > this.deps.limits.maxBufferedBytes) {
      this.close(CLOSE.policyViolation, "client too slow");
      return;
    }
    this.socket.send(frame);
    this.deps.metrics.bytesOut.inc(frame.byteLength);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.deps.log.info("sync.close", { room: this.roomName, conn: this.id, code, reason });
    this.socket.close(code, reason);
    this.onClosed();
  }

  private async attach(): Promise<void> {
    let room: Room;
    try {
      room = await this.deps.rooms.open(this.roomName);
    } catch (error) {
      this.deps.log.error("room.load.failed", { room: this.roomName, error });
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
    this.send(encodeSync("step1", Y.encodeStateVector(room.doc)));
    const awareness = room.awarenessSnapshot();
    if (awareness) this.send(awareness);
    const queued = this.pending ?? [];
    this.pending = undefined;
    for (const frame of queued) this.handle(frame);
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
        let diff: Uint8Array;
        try {
          diff = Y.encodeStateAsUpdate(room.doc, message.stateVector);
        } catch {
          throw new ProtocolError("malformed state vector");
        }
        this.send(encodeSync("step2", diff));
        return;
      }
      case "sync-step2":
      case "update":
        this.write(room, message.update);
        return;
      case "awareness":
        room.applyAwareness(this, message.entries);
        return;
      case "query-awareness": {
        const awareness = room.awarenessSnapshot();
        if (awareness) this.send(awareness);
        return;
      }
    }
  }

  private write(room: Room, update: Uint8Array): void {
    if (this.access !== "write") {
      // Read-only: the frame is dropped, never applied; the connection may keep reading.
      this.deps.metrics.droppedReadOnly.inc();
      return;
    }
    const kind = inspectUpdate(update);
    if (kind === "malformed") throw new ProtocolError("malformed update");
    if (kind === "empty") return;
    room.submit(update, this).catch((error: unknown) => {
      if (error instanceof DocumentTooLargeError) {
        this.close(CLOSE.documentTooLarge, "document size limit reached");
        return;
      }
      // Not stored, so not relayed: closing makes the client resend it when it reconnects.
      this.deps.log.error("sync.store.failed", { room: this.roomName, conn: this.id, error });
      this.close(CLOSE.internalError, "storage unavailable");
    });
  }
}
