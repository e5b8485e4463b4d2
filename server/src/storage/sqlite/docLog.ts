// The doc log in SQLite: snapshot and update rows with their CRC-32, the log position of each board kept in memory.
import type Database from 'better-sqlite3';
import type { DamagedBoardError, DocLog, StoredDoc } from '../DocLog.ts';
import type { StoreAdmin } from '../StoreAdmin.ts';
import { crc32, DamagedBoards, storedDocProblem, type LogEntry } from '../integrity.ts';

/** Where each board's log stands, kept in memory so an append never reads the snapshot row (issue 15). */
interface LogPosition {
  lastSeq: number;
  logLength: number;
}

interface SnapshotRow {
  board_id: string;
  doc: Buffer;
  up_to_seq: number;
  checksum: number | null;
}
interface UpdateRow {
  seq: number;
  update_data: Buffer;
  checksum: number | null;
}

const toEntry = (row: UpdateRow): LogEntry => ({ seq: row.seq, data: row.update_data, checksum: row.checksum });
const toSnapshot = (row: SnapshotRow) => ({ doc: row.doc, upToSeq: row.up_to_seq, checksum: row.checksum });

/** The log read lazily: the query starts only if the checks get to it (a busy statement cannot be run again). */
function* entries(read: () => Iterable<UpdateRow>): Iterable<LogEntry> {
  for (const row of read()) yield toEntry(row);
}

export function sqliteDocLog(db: Database.Database): DocLog & Pick<StoreAdmin, 'verifyAll'> {
  const positions = new Map<string, LogPosition>();
  const damaged = new DamagedBoards();
  const statements = {
    snapshot: db.prepare<[string], SnapshotRow>(
      'SELECT board_id, doc, up_to_seq, checksum FROM snapshots WHERE board_id = ?',
    ),
    allSnapshots: db.prepare<[], SnapshotRow>('SELECT board_id, doc, up_to_seq, checksum FROM snapshots'),
    updates: db.prepare<[string, number], UpdateRow>(
      'SELECT seq, update_data, checksum FROM updates WHERE board_id = ? AND seq > ? ORDER BY seq',
    ),
    lastSeq: db.prepare<[string], { seq: number | null; count: number }>(
      'SELECT MAX(seq) AS seq, COUNT(*) AS count FROM updates WHERE board_id = ?',
    ),
    // up_to_seq is stored after the blob: SQLite still walks the blob's pages to reach it, so this runs once per board.
    upToSeq: db.prepare<[string], { up_to_seq: number }>('SELECT up_to_seq FROM snapshots WHERE board_id = ?'),
    insertUpdate: db.prepare('INSERT INTO updates (board_id, seq, update_data, checksum) VALUES (?, ?, ?, ?)'),
    upsertSnapshot: db.prepare(
      'INSERT INTO snapshots (board_id, doc, up_to_seq, checksum) VALUES (?, ?, ?, ?) ON CONFLICT(board_id) DO UPDATE SET doc = excluded.doc, up_to_seq = excluded.up_to_seq, checksum = excluded.checksum',
    ),
    dropUpdates: db.prepare('DELETE FROM updates WHERE board_id = ? AND seq <= ?'),
  };

  /** Where the board's log stands: from memory, else read once from small columns (never the snapshot blob). */
  const position = (boardId: string): LogPosition => {
    let found = positions.get(boardId);
    if (!found) {
      const last = statements.lastSeq.get(boardId);
      const upTo = statements.upToSeq.get(boardId)?.up_to_seq ?? 0;
      found = { lastSeq: Math.max(last?.seq ?? 0, upTo), logLength: last?.count ?? 0 };
      positions.set(boardId, found);
    }
    return found;
  };

  return {
    async loadDoc(boardId: string): Promise<StoredDoc> {
      damaged.refuseKnown(boardId);
      const snapshot = statements.snapshot.get(boardId);
      const fromSeq = snapshot?.up_to_seq ?? 0;
      const rows = statements.updates.all(boardId, fromSeq);
      const error = damaged.record(boardId, storedDocProblem(snapshot && toSnapshot(snapshot), rows.map(toEntry)));
      if (error) throw error;
      const lastSeq = rows.at(-1)?.seq ?? fromSeq;
      positions.set(boardId, { lastSeq, logLength: rows.length });
      return {
        snapshot: snapshot ? new Uint8Array(snapshot.doc) : null,
        updates: rows.map((row) => new Uint8Array(row.update_data)),
        lastSeq,
      };
    },

    async appendUpdates(boardId: string, updates: Uint8Array[]) {
      const at = position(boardId);
      let seq = at.lastSeq;
      db.transaction(() => {
        for (const update of updates) {
          const data = Buffer.from(update);
          statements.insertUpdate.run(boardId, ++seq, data, crc32(data));
        }
      })();
      // Only once committed: a failed transaction leaves the position where the file is.
      at.lastSeq = seq;
      at.logLength += updates.length;
      return { logLength: at.logLength, lastSeq: seq };
    },

    async compact(boardId: string, snapshot: Uint8Array, upToSeq: number): Promise<void> {
      const doc = Buffer.from(snapshot);
      db.transaction(() => {
        statements.upsertSnapshot.run(boardId, doc, upToSeq, crc32(doc));
        statements.dropUpdates.run(boardId, upToSeq);
      })();
      const at = positions.get(boardId);
      if (at) at.logLength = Math.max(0, at.lastSeq - upToSeq);
    },

    // Streams rows (iterate) so a large file is checked without holding it in memory.
    async verifyAll() {
      const found: DamagedBoardError[] = [];
      for (const snapshot of statements.allSnapshots.iterate()) {
        const log = entries(() => statements.updates.iterate(snapshot.board_id, snapshot.up_to_seq));
        const error = damaged.record(snapshot.board_id, storedDocProblem(toSnapshot(snapshot), log));
        if (error) found.push(error);
      }
      return found;
    },
  };
}
