import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { foldUpdates } from "./mergeUpdates";
import {
  type AppendItem,
  type BoardRecord,
  type CompactionResult,
  KEY_HASH_COLUMNS,
  type Role,
  type Storage,
  type StoredDoc,
} from "./storage";

const MIGRATIONS = [
  `CREATE TABLE updates (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     room TEXT NOT NULL,
     data BLOB NOT NULL
   );
   CREATE INDEX updates_by_room ON updates (room, seq);
   CREATE TABLE snapshots (
     room TEXT PRIMARY KEY,
     data BLOB NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE TABLE boards (
     id TEXT PRIMARY KEY,
     created_at INTEGER NOT NULL,
     facilitator_hash TEXT NOT NULL,
     participant_hash TEXT NOT NULL,
     observer_hash TEXT NOT NULL
   );`,
  // Boards whose meeting timer runs, so a restarted server knows which timers to re-arm.
  `CREATE TABLE running_meetings (
     board_id TEXT PRIMARY KEY,
     since INTEGER NOT NULL
   );`,
];

type BoardRow = {
  id: string;
  created_at: number;
  facilitator_hash: string;
  participant_hash: string;
  observer_hash: string;
};

/** Opens (and migrates) the embedded SQLite store at `<dataDir>/debrief.sqlite`. */
export function createSqliteStorage(dataDir: string): Storage {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, "debrief.sqlite"));
  db.pragma("journal_mode = WAL");
  // FULL syncs the WAL on every commit: an update acknowledged by this store survives power loss,
  // not only a process crash. Group commit in the room layer keeps the fsync count low.
  db.pragma("synchronous = FULL");
  db.pragma("busy_timeout = 5000");
  migrate(db);

  const selectSnapshot = db.prepare<[string], { data: Buffer; updated_at: number }>(
    "SELECT data, updated_at FROM snapshots WHERE room = ?",
  );
  const selectSnapshotTime = db.prepare<[string], { updated_at: number }>(
    "SELECT updated_at FROM snapshots WHERE room = ?",
  );
  const selectLog = db.prepare<[string], { seq: number; data: Buffer }>(
    "SELECT seq, data FROM updates WHERE room = ? ORDER BY seq",
  );
  const insertUpdate = db.prepare<[string, Buffer]>(
    "INSERT INTO updates (room, data) VALUES (?, ?)",
  );
  const upsertSnapshot = db.prepare<[string, Buffer, number]>(
    `INSERT INTO snapshots (room, data, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (room) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
  );
  const deleteLogUpTo = db.prepare<[string, number]>(
    "DELETE FROM updates WHERE room = ? AND seq <= ?",
  );
  const insertBoard = db.prepare<[string, number, string, string, string]>(
    `INSERT INTO boards (id, created_at, facilitator_hash, participant_hash, observer_hash)
     VALUES (?, ?, ?, ?, ?)`,
  );
  const selectBoard = db.prepare<[string], BoardRow>("SELECT * FROM boards WHERE id = ?");
  // Replacing a link is rare: its statement is prepared when needed.
  const replaceHash = (role: Role) =>
    db.prepare<[string, string]>(`UPDATE boards SET ${KEY_HASH_COLUMNS[role]} = ? WHERE id = ?`);
  const markRunning = db.prepare<[string, number]>(
    "INSERT INTO running_meetings (board_id, since) VALUES (?, ?) ON CONFLICT (board_id) DO NOTHING",
  );
  const markStopped = db.prepare<[string]>("DELETE FROM running_meetings WHERE board_id = ?");
  const selectRunning = db.prepare<[], { board_id: string }>(
    "SELECT board_id FROM running_meetings ORDER BY since",
  );

  const readRoom = (room: string) => {
    const snapshot = selectSnapshot.get(room);
    const log = selectLog.all(room);
    return { snapshot, log };
  };

  const appendAll = db.transaction((items: AppendItem[]) => {
    for (const item of items) insertUpdate.run(item.room, toBuffer(item.update));
  });

  // Compaction reads, folds and writes in three steps, so the fold (CPU, tens to hundreds of
  // milliseconds) holds no lock: appends from another connection go on meanwhile. Rows
  // appended after the read have higher seqs and stay; the write checks that the snapshot it
  // folded is still the stored one, so a concurrent compaction can never drop a row.
  const readForCompaction = db.transaction((room: string) => readRoom(room));
  const writeCompaction = db.transaction(
    (room: string, folded: Buffer, lastSeq: number, snapshotAt: number | undefined) => {
      if (selectSnapshotTime.get(room)?.updated_at !== snapshotAt) return false;
      upsertSnapshot.run(room, folded, Math.max(Date.now(), (snapshotAt ?? 0) + 1));
      deleteLogUpTo.run(room, lastSeq);
      return true;
    },
  );
  const compactRoom = (room: string): CompactionResult => {
    const { snapshot, log } = readForCompaction(room);
    const at = snapshot?.updated_at;
    const last = log.at(-1);
    const size = snapshot?.data.length ?? 0;
    if (!last) return { rowsFolded: 0, bytesBefore: size, bytesAfter: size };
    const parts = [...(snapshot ? [snapshot.data] : []), ...log.map((r) => r.data)];
    const bytesBefore = parts.reduce((n, p) => n + p.length, 0);
    const folded = foldUpdates(parts);
    if (!writeCompaction.immediate(room, toBuffer(folded), last.seq, at)) {
      return { rowsFolded: 0, bytesBefore, bytesAfter: bytesBefore };
    }
    return { rowsFolded: log.length, bytesBefore, bytesAfter: folded.length };
  };

  return {
    async load(room: string): Promise<StoredDoc> {
      const { snapshot, log } = db.transaction(() => readRoom(room))();
      const updates = [...(snapshot ? [snapshot.data] : []), ...log.map((r) => r.data)].map(
        (b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength),
      );
      const bytes = updates.reduce((n, u) => n + u.byteLength, 0);
      return { updates, logRows: log.length, bytes };
    },
    async append(items: AppendItem[]): Promise<void> {
      if (items.length > 0) appendAll(items);
    },
    async compact(room: string): Promise<CompactionResult> {
      return compactRoom(room);
    },
    async createBoard(record: BoardRecord): Promise<void> {
      const k = record.keyHashes;
      insertBoard.run(record.id, record.createdAt, k.facilitator, k.participant, k.observer);
    },
    async getBoard(id: string): Promise<BoardRecord | undefined> {
      const row = selectBoard.get(id);
      if (!row) return undefined;
      return {
        id: row.id,
        createdAt: row.created_at,
        keyHashes: {
          facilitator: row.facilitator_hash,
          participant: row.participant_hash,
          observer: row.observer_hash,
        },
      };
    },
    async replaceKeyHash(boardId: string, role: Role, keyHash: string): Promise<boolean> {
      return replaceHash(role).run(keyHash, boardId).changes === 1;
    },
    async setMeetingRunning(boardId: string, running: boolean): Promise<void> {
      if (running) markRunning.run(boardId, Date.now());
      else markStopped.run(boardId);
    },
    async listRunningMeetings(): Promise<string[]> {
      return selectRunning.all().map((r) => r.board_id);
    },
    async ping(): Promise<void> {
      db.prepare("SELECT 1").get();
    },
    async close(): Promise<void> {
      if (db.open) db.close();
    },
  };
}

function migrate(db: Database.Database): void {
  const version = db.pragma("user_version", { simple: true }) as number;
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] as string);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}

function toBuffer(u: Uint8Array): Buffer {
  return Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}
