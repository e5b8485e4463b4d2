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

/** An append waiting for the group commit of this event-loop turn. */
interface PendingAppend {
  boardId: string;
  updates: Uint8Array[];
  resolve: (stored: { logLength: number; lastSeq: number }) => void;
  reject: (error: unknown) => void;
}

const toEntry = (row: UpdateRow): LogEntry => ({ seq: row.seq, data: row.update_data, checksum: row.checksum });
const toSnapshot = (row: SnapshotRow) => ({ doc: row.doc, upToSeq: row.up_to_seq, checksum: row.checksum });

/** The log read lazily: the query starts only if the checks get to it (a busy statement cannot be run again). */
function* entries(read: () => Iterable<UpdateRow>): Iterable<LogEntry> {
  for (const row of read()) yield toEntry(row);
}

/** The same bytes as a Buffer (what better-sqlite3 binds as a blob), without copying them. */
function bufferView(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
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

  /** Inserts one board's updates after its last seq; returns the new last seq (the caller moves the position). */
  const insert = (boardId: string, updates: Uint8Array[], after: number): number => {
    let seq = after;
    for (const update of updates) {
      const data = bufferView(update);
      statements.insertUpdate.run(boardId, ++seq, data, crc32(data));
    }
    return seq;
  };

  // Made once: better-sqlite3 builds a wrapper (and its variants) each time `transaction` is called.
  const insertOne = db.transaction(insert);
  const insertGroup = db.transaction((group: PendingAppend[]): number[] => {
    const next = new Map<string, number>();
    return group.map((append) => {
      const lastSeq = insert(
        append.boardId,
        append.updates,
        next.get(append.boardId) ?? position(append.boardId).lastSeq,
      );
      next.set(append.boardId, lastSeq);
      return lastSeq;
    });
  });

  /** Moves the board's position once its rows are committed (a failed transaction leaves it where the file is). */
  const settle = (append: PendingAppend, lastSeq: number): void => {
    const at = position(append.boardId);
    at.lastSeq = lastSeq;
    at.logLength += append.updates.length;
    append.resolve({ logLength: at.logLength, lastSeq });
  };

  /** Commits one append on its own: its failure is its board's alone. */
  const commitOne = (append: PendingAppend): void => {
    try {
      const at = position(append.boardId);
      settle(append, insertOne(append.boardId, append.updates, at.lastSeq));
    } catch (error) {
      append.reject(error);
    }
  };

  /**
   * Group commit: every append asked for in this event-loop turn, whatever its board, goes in one transaction
   * (one WAL write instead of one per board). Each caller is answered only once that transaction is committed, so
   * nothing is broadcast before it is stored. If the group fails, each append is retried alone, so one board's
   * failure is not another's.
   */
  let waiting: PendingAppend[] = [];
  const commitWaiting = (): void => {
    const group = waiting;
    waiting = [];
    if (group.length === 1) return commitOne(group[0]!);
    let lastSeqs: number[];
    try {
      lastSeqs = insertGroup(group);
    } catch {
      for (const append of group) commitOne(append);
      return;
    }
    group.forEach((append, i) => settle(append, lastSeqs[i]!));
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

    appendUpdates(boardId: string, updates: Uint8Array[]) {
      return new Promise((resolve, reject) => {
        // Committed after the rest of this turn's I/O callbacks, so the rooms they touch share the transaction.
        if (waiting.length === 0) setImmediate(commitWaiting);
        waiting.push({ boardId, updates, resolve, reject });
      });
    },

    async compact(boardId: string, snapshot: Uint8Array, upToSeq: number): Promise<void> {
      const doc = bufferView(snapshot);
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
