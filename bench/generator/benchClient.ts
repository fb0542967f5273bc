import type { ClientRole, RoomTarget } from "../generatorApi";
import type { Cursor, DeliveryTracker } from "./deliveries";
import { Editor } from "./editor";
import {
  decodeFrame,
  encodeAuth,
  encodeAwareness,
  encodeAwarenessEntry,
  encodeSync,
  forEachAwarenessEntry,
} from "./framing";
import { updateRanges } from "./updateRanges";
import { WireSocket } from "./wireSocket";

const EMPTY_STATE_VECTOR = new Uint8Array([0]);
// What a client answers to the server's step 1 when it has nothing the server lacks.
const EMPTY_UPDATE = new Uint8Array([0, 0]);

export type ClientOptions = {
  target: RoomTarget;
  role: ClientRole;
  /** How many other clients share the room: each send waits for that many deliveries. */
  others: number;
  skeleton: Uint8Array;
  /** Readers are synced once they hold clocks up to `clock` of `client`. */
  need?: { client: number; clock: number };
};

/**
 * One simulated participant over a real WebSocket. It speaks the sync protocol the way the
 * stock provider does (step 1 on open, answer the server's step 1) but never applies what it
 * receives: it only notes which clock ranges arrived, which is what the latency is about.
 */
export class BenchClient {
  cursor: Cursor = [];
  tracker: DeliveryTracker | undefined;
  openedAt = Number.NaN;
  firstStep2At = Number.NaN;
  completeAt = Number.NaN;
  syncBytes = 0;
  readonly ready: Promise<void>;
  private readonly ws: WireSocket;
  private readonly editor: Editor | undefined;
  private readonly presenceId = (Math.random() * 2 ** 31) >>> 0;
  private presenceClock = 0;
  private readonly held = new Map<number, number>();
  private settle: { resolve(): void; reject(error: Error): void } | undefined;

  constructor(private readonly options: ClientOptions) {
    const { target, role } = options;
    if (role === "editor") this.editor = new Editor(options.skeleton);
    this.ready = new Promise<void>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    this.ws = new WireSocket(target.url, target.protocols ?? [], {
      open: () => this.onOpen(),
      message: (data) => this.onFrame(data),
      closed: (reason) => this.fail(reason),
    });
  }

  /** The id others see this client's sends under (Yjs client id or awareness client id). */
  get senderId(): number {
    return this.editor ? this.editor.clientId : this.presenceId;
  }

  /** Makes one edit, sends it and records it with the tracker. */
  sendEdit(now: number): void {
    const editor = this.editor;
    if (!editor) throw new Error("only editors send edits");
    const { update, from, to } = editor.edit();
    const t = this.options.target;
    this.tracker?.sent(editor.clientId, from, to, this.options.others, now);
    this.ws.send(encodeSync(t.framing, t.docName, "update", update));
  }

  /** Sends a cursor position the way Debrief's presence does (user, cursor, viewport, ready). */
  sendPresence(now: number): void {
    const clock = ++this.presenceClock;
    const t = this.options.target;
    const state = JSON.stringify({
      user: {
        name: `Bench ${this.presenceId % 1000}`,
        color: "#3b82f6",
        participantId: `bench-${this.presenceId}`,
        role: "participant",
      },
      cursor: { at: 1_793_631_600_000 + clock * 1000, laneId: "timeline", y: (clock % 100) / 100 },
      viewport: null,
      ready: false,
    });
    this.tracker?.sent(this.presenceId, clock, clock + 1, this.options.others, now);
    const entry = encodeAwarenessEntry(this.presenceId, clock, state);
    this.ws.send(encodeAwareness(t.framing, t.docName, entry));
  }

  /** Sends raw sync updates in order (seeding a board). */
  sendUpdates(updates: Uint8Array[]): void {
    const t = this.options.target;
    for (const update of updates) this.ws.send(encodeSync(t.framing, t.docName, "update", update));
  }

  close(): void {
    this.settle = undefined;
    this.ws.close();
  }

  private onOpen(): void {
    this.openedAt = performance.now();
    const t = this.options.target;
    if (t.framing === "hocuspocus") this.ws.send(encodeAuth(t.docName, t.token ?? ""));
    if (!t.serverSync) {
      // The null relay has no document: nothing to sync, ready as soon as the socket is.
      this.done();
      return;
    }
    this.ws.send(encodeSync(t.framing, t.docName, "step1", EMPTY_STATE_VECTOR));
  }

  private onFrame(frame: Buffer): void {
    const now = performance.now();
    const t = this.options.target;
    const message = decodeFrame(t.framing, frame);
    switch (message.kind) {
      case "sync-step1":
        this.ws.send(encodeSync(t.framing, t.docName, "step2", EMPTY_UPDATE));
        return;
      case "sync-step2":
        if (Number.isNaN(this.firstStep2At)) this.firstStep2At = now;
        this.onSyncPayload(message.payload, now);
        return;
      case "update":
        this.onSyncPayload(message.payload, now);
        return;
      case "awareness": {
        const tracker = this.tracker;
        if (!tracker) return;
        const own = this.presenceId;
        forEachAwarenessEntry(message.payload, (clientId, clock) => {
          if (clientId !== own) tracker.received(this.cursor, clientId, clock, clock + 1, now);
        });
        return;
      }
      case "other":
        return;
    }
  }

  private onSyncPayload(payload: Uint8Array, now: number): void {
    const syncing = Number.isNaN(this.completeAt);
    if (syncing) this.syncBytes += payload.byteLength;
    const tracker = this.tracker;
    if (!syncing && !tracker) return;
    const own = this.editor?.clientId;
    for (const range of updateRanges(payload)) {
      if (syncing && (this.held.get(range.client) ?? 0) < range.to) {
        this.held.set(range.client, range.to);
      }
      if (tracker && range.client !== own) {
        tracker.received(this.cursor, range.client, range.from, range.to, now);
      }
    }
    if (syncing) {
      const need = this.options.need;
      if (!need || (this.held.get(need.client) ?? 0) >= need.clock) this.done();
    }
  }

  private done(): void {
    if (Number.isNaN(this.completeAt)) this.completeAt = performance.now();
    this.settle?.resolve();
    this.settle = undefined;
  }

  private fail(reason: string): void {
    this.settle?.reject(new Error(`${this.options.target.docName}: ${reason}`));
    this.settle = undefined;
  }
}
