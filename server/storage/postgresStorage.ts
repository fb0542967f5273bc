import pg from "pg";
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
  `CREATE TABLE debrief_updates (
     seq BIGSERIAL PRIMARY KEY,
     room TEXT NOT NULL,
     data BYTEA NOT NULL
   );
   CREATE INDEX debrief_updates_by_room ON debrief_updates (room, seq);
   CREATE TABLE debrief_snapshots (
     room TEXT PRIMARY KEY,
     data BYTEA NOT NULL,
     updated_at BIGINT NOT NULL
   );
   CREATE TABLE debrief_boards (
     id TEXT PRIMARY KEY,
     created_at BIGINT NOT NULL,
     facilitator_hash TEXT NOT NULL,
     participant_hash TEXT NOT NULL,
     observer_hash TEXT NOT NULL
   );
   CREATE TABLE debrief_running_meetings (
     board_id TEXT PRIMARY KEY,
     since BIGINT NOT NULL
   );`,
];

// One fixed key for the migration lock, so two nodes starting together migrate once.
const MIGRATION_LOCK = 7_245_310_001;

/**
 * The storage contract on PostgreSQL, for several nodes sharing one database. Same shape as
 * SQLite: an append log per room plus one snapshot. Compaction is guarded per room by
 * `pg_try_advisory_xact_lock`, and deletes exactly the rows it folded, so an append that
 * commits while another node compacts is never lost.
 */
export async function createPostgresStorage(connectionString: string): Promise<Storage> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle client that errors (database restarted) must not crash the process.
  pool.on("error", () => {});
  await migrate(pool);

  return {
    async load(room: string): Promise<StoredDoc> {
      const client = await pool.connect();
      try {
        // One snapshot of the database for both reads: a compaction in between cannot make
        // rows appear twice or vanish.
        await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        const snapshot = await client.query<{ data: Buffer }>(
          "SELECT data FROM debrief_snapshots WHERE room = $1",
          [room],
        );
        const log = await client.query<{ data: Buffer }>(
          "SELECT data FROM debrief_updates WHERE room = $1 ORDER BY seq",
          [room],
        );
        await client.query("COMMIT");
        const updates = [...snapshot.rows, ...log.rows].map((r) => toBytes(r.data));
        const bytes = updates.reduce((n, u) => n + u.byteLength, 0);
        return { updates, logRows: log.rows.length, bytes };
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },

    async append(items: AppendItem[]): Promise<void> {
      if (items.length === 0) return;
      // One statement, one transaction, one WAL flush for the whole group commit.
      const params: unknown[] = [];
      const values = items.map((item, i) => {
        params.push(
          item.room,
          Buffer.from(item.update.buffer, item.update.byteOffset, item.update.byteLength),
        );
        return `($${2 * i + 1}, $${2 * i + 2})`;
      });
      await pool.query(
        `INSERT INTO debrief_updates (room, data) VALUES ${values.join(", ")}`,
        params,
      );
    },

    async compact(room: string): Promise<CompactionResult> {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const locked = await client.query<{ ok: boolean }>(
          "SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS ok",
          [room],
        );
        if (!locked.rows[0]?.ok) {
          // Another node is compacting this room right now; its snapshot will do.
          await client.query("ROLLBACK");
          return { rowsFolded: 0, bytesBefore: 0, bytesAfter: 0 };
        }
        const snapshot = await client.query<{ data: Buffer }>(
          "SELECT data FROM debrief_snapshots WHERE room = $1 FOR UPDATE",
          [room],
        );
        const log = await client.query<{ seq: string; data: Buffer }>(
          "SELECT seq, data FROM debrief_updates WHERE room = $1 ORDER BY seq",
          [room],
        );
        const before = snapshot.rows[0]?.data.length ?? 0;
        if (log.rows.length === 0) {
          await client.query("COMMIT");
          return { rowsFolded: 0, bytesBefore: before, bytesAfter: before };
        }
        const parts = [...snapshot.rows, ...log.rows].map((r) => toBytes(r.data));
        const bytesBefore = parts.reduce((n, p) => n + p.byteLength, 0);
        const folded = foldUpdates(parts);
        await client.query(
          `INSERT INTO debrief_snapshots (room, data, updated_at) VALUES ($1, $2, $3)
           ON CONFLICT (room) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
          [room, Buffer.from(folded), Date.now()],
        );
        await client.query("DELETE FROM debrief_updates WHERE seq = ANY($1::bigint[])", [
          log.rows.map((r) => r.seq),
        ]);
        await client.query("COMMIT");
        return { rowsFolded: log.rows.length, bytesBefore, bytesAfter: folded.byteLength };
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },

    async createBoard(record: BoardRecord): Promise<void> {
      const k = record.keyHashes;
      await pool.query(
        `INSERT INTO debrief_boards (id, created_at, facilitator_hash, participant_hash, observer_hash)
         VALUES ($1, $2, $3, $4, $5)`,
        [record.id, record.createdAt, k.facilitator, k.participant, k.observer],
      );
    },

    async getBoard(id: string): Promise<BoardRecord | undefined> {
      const { rows } = await pool.query<{
        id: string;
        created_at: string;
        facilitator_hash: string;
        participant_hash: string;
        observer_hash: string;
      }>("SELECT * FROM debrief_boards WHERE id = $1", [id]);
      const row = rows[0];
      if (!row) return undefined;
      return {
        id: row.id,
        createdAt: Number(row.created_at),
        keyHashes: {
          facilitator: row.facilitator_hash,
          participant: row.participant_hash,
          observer: row.observer_hash,
        },
      };
    },

    async replaceKeyHash(boardId: string, role: Role, keyHash: string): Promise<boolean> {
      const result = await pool.query(
        `UPDATE debrief_boards SET ${KEY_HASH_COLUMNS[role]} = $1 WHERE id = $2`,
        [keyHash, boardId],
      );
      return result.rowCount === 1;
    },

    async setMeetingRunning(boardId: string, running: boolean): Promise<void> {
      if (running) {
        await pool.query(
          `INSERT INTO debrief_running_meetings (board_id, since) VALUES ($1, $2)
           ON CONFLICT (board_id) DO NOTHING`,
          [boardId, Date.now()],
        );
      } else {
        await pool.query("DELETE FROM debrief_running_meetings WHERE board_id = $1", [boardId]);
      }
    },

    async listRunningMeetings(): Promise<string[]> {
      const { rows } = await pool.query<{ board_id: string }>(
        "SELECT board_id FROM debrief_running_meetings ORDER BY since",
      );
      return rows.map((r) => r.board_id);
    },

    async ping(): Promise<void> {
      await pool.query("SELECT 1");
    },

    async close(): Promise<void> {
      await pool.end();
    },
  };
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query(
      "CREATE TABLE IF NOT EXISTS debrief_schema (version INTEGER NOT NULL PRIMARY KEY)",
    );
    const { rows } = await client.query<{ v: number | null }>(
      "SELECT max(version) AS v FROM debrief_schema",
    );
    for (let v = rows[0]?.v ?? 0; v < MIGRATIONS.length; v++) {
      await client.query(MIGRATIONS[v] as string);
      await client.query("INSERT INTO debrief_schema (version) VALUES ($1)", [v + 1]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

function toBytes(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}
