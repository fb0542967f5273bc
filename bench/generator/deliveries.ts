/**
 * Tracks every update (or awareness state) sent during a drive until each other client in its
 * room has received it; its latency is the time until the last of them did ("send → every
 * other client has it"). Senders are identified by their Yjs (or awareness) client id and each
 * send by its clock range, which survives servers that re-encode or merge what they relay.
 *
 * This runs for every frame every client receives (100,000 a second at full load), hence
 * dense arrays instead of maps where it can.
 */
type SenderLog = {
  starts: number[];
  ends: number[];
  sentAt: number[];
  waiting: number[];
  measured: boolean[];
};

/** What one receiving client has seen so far: per sender (by index), the next send to see. */
export type Cursor = number[];

export class DeliveryTracker {
  readonly latencies: number[] = [];
  /** Deliveries counted while `measuring` (frames that reached a client). */
  deliveries = 0;
  sentMeasured = 0;
  sentAll = 0;
  measuring = false;
  private readonly index = new Map<number, number>();
  private readonly logs: SenderLog[] = [];

  /** Records a send of clocks [from, to) that `receivers` other clients should get. */
  sent(sender: number, from: number, to: number, receivers: number, at: number): void {
    let i = this.index.get(sender);
    if (i === undefined) {
      i = this.logs.length;
      this.index.set(sender, i);
      this.logs.push({ starts: [], ends: [], sentAt: [], waiting: [], measured: [] });
    }
    const log = this.logs[i] as SenderLog;
    log.starts.push(from);
    log.ends.push(to);
    log.sentAt.push(at);
    log.waiting.push(receivers);
    log.measured.push(this.measuring);
    this.sentAll++;
    if (this.measuring) this.sentMeasured++;
  }

  /**
   * A receiver got clocks [from, to) of `sender`. Relays keep each sender's order, so the
   * cursor only moves forward; a send the range skips was never delivered to this receiver.
   */
  received(cursor: Cursor, sender: number, from: number, to: number, at: number): void {
    const s = this.index.get(sender);
    if (s === undefined) return;
    const log = this.logs[s] as SenderLog;
    let i = cursor[s] ?? 0;
    const n = log.starts.length;
    while (i < n && (log.starts[i] as number) < to) {
      if ((log.ends[i] as number) > from) this.deliver(log, i, at);
      i++;
    }
    cursor[s] = i;
  }

  /** Measured sends that some receiver never got. */
  incomplete(): number {
    let missing = 0;
    for (const log of this.logs) {
      for (let i = 0; i < log.waiting.length; i++) {
        if (log.measured[i] && (log.waiting[i] as number) > 0) missing++;
      }
    }
    return missing;
  }

  /** True once every send (measured or not) reached all its receivers. */
  settled(): boolean {
    return this.logs.every((log) => log.waiting.every((w) => w <= 0));
  }

  private deliver(log: SenderLog, i: number, at: number): void {
    if (this.measuring) this.deliveries++;
    const left = (log.waiting[i] as number) - 1;
    log.waiting[i] = left;
    if (left === 0 && log.measured[i]) {
      this.latencies.push(at - (log.sentAt[i] as number));
    }
  }
}
