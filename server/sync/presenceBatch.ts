import * as awarenessProtocol from "y-protocols/awareness";
import { encodeAwarenessMessage } from "./wire";

/**
 * Collects the awareness changes of one round of socket reads and sends them as one frame
 * per peer. 100 clients moving their cursors 10 times a second were 100,000 frames a second,
 * one syscall each; batched per tick, each peer gets one frame with every cursor that moved.
 */
export class PresenceBatch {
  private changed = new Set<number>();
  // Changes made here (not relayed from another node) are published to the other nodes.
  private local = new Set<number>();
  private origins = new Set<unknown>();
  private timer: NodeJS.Immediate | undefined;

  constructor(
    private readonly broadcast: (frame: Uint8Array, except: unknown) => void,
    private readonly publish: (payload: Uint8Array) => void,
    private readonly awareness: () => awarenessProtocol.Awareness,
    private readonly relayOrigin: unknown,
  ) {}

  note(clientIds: readonly number[], origin: unknown): void {
    for (const id of clientIds) {
      this.changed.add(id);
      if (origin !== this.relayOrigin) this.local.add(id);
    }
    this.origins.add(origin);
    // After the poll phase: every socket read in this round is in the batch.
    this.timer ??= setImmediate(() => this.flush());
  }

  /** Sends what is pending now (also used before a room unloads). */
  flush(): void {
    clearImmediate(this.timer);
    this.timer = undefined;
    if (this.changed.size === 0) return;
    const changed = [...this.changed];
    const local = [...this.local];
    const [only] = this.origins;
    // One origin (typically one peer's cursor): that peer already knows its own state.
    const except = this.origins.size === 1 ? only : undefined;
    this.changed.clear();
    this.local.clear();
    this.origins.clear();
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness(), changed);
    this.broadcast(encodeAwarenessMessage(update), except);
    if (local.length === 0) return;
    this.publish(
      local.length === changed.length
        ? update
        : awarenessProtocol.encodeAwarenessUpdate(this.awareness(), local),
    );
  }
}
