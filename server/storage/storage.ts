/**
 * The storage contract. Small and engine-agnostic: SQLite implements it today,
 * PostgreSQL later. Every method either completes durably or rejects.
 */
export type StoredDoc = {
  /** The snapshot (if any) first, then log rows in append order. */
  updates: Uint8Array[];
  /** Number of rows in the append log (not counting the snapshot). */
  logRows: number;
  /** Total stored bytes for the room. */
  bytes: number;
};

export type AppendItem = { room: string; update: Uint8Array };

export type Role = "facilitator" | "participant" | "observer";

/**
 * The column holding each role's key hash, the same in every backend's boards table. SQL
 * that names a role's column takes it from here, never from input.
 */
export const KEY_HASH_COLUMNS: Record<Role, string> = {
  facilitator: "facilitator_hash",
  participant: "participant_hash",
  observer: "observer_hash",
};

export type BoardRecord = {
  id: string;
  createdAt: number;
  /** SHA-256 of each capability key; the keys themselves are never stored. */
  keyHashes: Record<Role, string>;
};

export type CompactionResult = { rowsFolded: number; bytesBefore: number; bytesAfter: number };

export interface Storage {
  /** Everything stored for a room; an unknown room loads as empty. */
  load(room: string): Promise<StoredDoc>;
  /** Appends all items in one transaction: all are durable when this resolves, or none. */
  append(items: AppendItem[]): Promise<void>;
  /**
   * Folds a room's snapshot and log into one new snapshot. The snapshot is written before the
   * folded rows are deleted, in one transaction, so a crash leaves either the old or new state.
   */
  compact(room: string): Promise<CompactionResult>;
  createBoard(record: BoardRecord): Promise<void>;
  getBoard(id: string): Promise<BoardRecord | undefined>;
  /**
   * Replaces one role's key hash, so the old key no longer signs anyone in (a replaced link);
   * false when there is no such board.
   */
  replaceKeyHash(boardId: string, role: Role, keyHash: string): Promise<boolean>;
  /** Remembers whether a board's meeting has a timer to run (lobby and ended need none). */
  setMeetingRunning(boardId: string, running: boolean): Promise<void>;
  /** Boards whose meeting timers a (re)started server must re-arm. */
  listRunningMeetings(): Promise<string[]>;
  /** Resolves when the storage answers; used by /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
