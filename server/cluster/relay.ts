/**
 * What a room needs from the layer that connects server nodes holding the same room. With one
 * node there is none; with several, Redis pub/sub carries updates and awareness between them.
 */
export type RelayKind = "update" | "awareness" | "awareness-query";

export type RelayMessage = { kind: RelayKind; payload: Uint8Array };

export interface Relay {
  /** Subscribes to a room's channel; resolves once messages for it will arrive. */
  subscribe(room: string, onMessage: (message: RelayMessage) => void): Promise<void>;
  unsubscribe(room: string): Promise<void>;
  /** Sends to every other node holding the room (never back to this one). */
  publish(room: string, message: RelayMessage): void;
  /** Called after a lost connection comes back: messages in between may be missing. */
  onReconnect(listener: () => void): void;
  close(): Promise<void>;
}
