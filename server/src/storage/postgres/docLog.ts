// The doc log in PostgreSQL: snapshot and update rows with their CRC-32, every write fenced by the holder's epoch.
import type pg from 'pg';
import type { DamagedBoardError, DocLog, StoredDoc } from '../DocLog.ts';
import type { StoreAdmin } from '../StoreAdmin.ts';
import { crc32, DamagedBoards, storedDocProblem, type LogEntry, type SnapshotEntry } from '../integrity.ts';
import { numberOrNull, type Row } from '../rows.ts';
import type { PgConnection } from './connection.ts';
import type { EpochFencing } from './fence.ts';

interface ReadDoc {
  snapshot: SnapshotEntry | undefined;
  log: LogEntry[];
}

/** The board's snapshot and the log after it, read at one point in time (one repeatable-read transaction). */
function readDoc(connection: PgConnection, boardId: string): Promise<ReadDoc> {
  return connection.transaction(async (client) => {
    await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    return readRows(client, boardId);
  });
}

async function readRows(client: pg.PoolClient, boardId: string): Promise<ReadDoc> {
  const found = await client.query('SELECT doc, up_to_seq, checksum FROM snapshots WHERE board_id = $1', [boardId]);
  const row = found.rows[0] as Row | undefined;
  const snapshot = row
    ? { doc: row.doc as Buffer, upToSeq: Number(row.up_to_seq), checksum: numberOrNull(row.checksum) }
    : undefined;
  const rows = (
    await client.query('SELECT seq, update_data, checksum FROM updates WHERE board_id = $1 AND seq > $2 ORDER BY seq', [
      boardId,
      snapshot?.upToSeq ?? 0,
    ])
  ).rows as Row[];
  const log = rows.map((r) => ({
    seq: Number(r.seq),
    data: r.update_data as Buffer,
    checksum: numberOrNull(r.checksum),
  }));
  return { snapshot, log };
}

export function postgresDocLog(
  connection: PgConnection,
  fencing: EpochFencing,
): DocLog & Pick<StoreAdmin, 'verifyAll'> {
  const damaged = new DamagedBoards();

  return {
    async loadDoc(boardId: string): Promise<StoredDoc> {
      damaged.refuseKnown(boardId);
      const { snapshot, log } = await readDoc(connection, boardId);
      const error = damaged.record(boardId, storedDocProblem(snapshot, log));
      if (error) throw error;
      return {
        snapshot: snapshot ? new Uint8Array(snapshot.doc) : null,
        updates: log.map((entry) => new Uint8Array(entry.data)),
        lastSeq: log.at(-1)?.seq ?? snapshot?.upToSeq ?? 0,
      };
    },

    async appendUpdates(boardId: string, updates: Uint8Array[]) {
      return connection.transaction(async (client) => {
        await fencing.check(client, boardId);
        const last = (
          await client.query('SELECT MAX(seq) AS seq, COUNT(*) AS count FROM updates WHERE board_id = $1', [boardId])
        ).rows[0] as Row;
        const snap = (await client.query('SELECT up_to_seq FROM snapshots WHERE board_id = $1', [boardId])).rows[0] as
          Row | undefined;
        const first = Math.max(numberOrNull(last.seq) ?? 0, snap ? Number(snap.up_to_seq) : 0) + 1;
        if (updates.length > 0) {
          const data = updates.map((u) => Buffer.from(u));
          await client.query(
            `INSERT INTO updates (board_id, seq, update_data, checksum)
             SELECT $1, $2::bigint + n - 1, data, checksum
             FROM unnest($3::bytea[], $4::bigint[]) WITH ORDINALITY AS t(data, checksum, n)`,
            [boardId, first, data, data.map((d) => crc32(d))],
          );
        }
        return { logLength: Number(last.count) + updates.length, lastSeq: first - 1 + updates.length };
      });
    },

    async compact(boardId: string, snapshot: Uint8Array, upToSeq: number): Promise<void> {
      const doc = Buffer.from(snapshot);
      await connection.transaction(async (client) => {
        await fencing.check(client, boardId);
        await client.query(
          `INSERT INTO snapshots (board_id, doc, up_to_seq, checksum) VALUES ($1, $2, $3, $4)
           ON CONFLICT (board_id) DO UPDATE SET doc = excluded.doc, up_to_seq = excluded.up_to_seq, checksum = excluded.checksum`,
          [boardId, doc, upToSeq, crc32(doc)],
        );
        await client.query('DELETE FROM updates WHERE board_id = $1 AND seq <= $2', [boardId, upToSeq]);
      });
    },

    // One board at a time, so a large database is checked without holding it all in memory.
    async verifyAll() {
      const found: DamagedBoardError[] = [];
      for (const { board_id: boardId } of await connection.rows('SELECT board_id FROM snapshots ORDER BY board_id')) {
        const id = String(boardId);
        const { snapshot, log } = await readDoc(connection, id);
        const error = damaged.record(id, storedDocProblem(snapshot, log));
        if (error) found.push(error);
      }
      return found;
    },
  };
}
