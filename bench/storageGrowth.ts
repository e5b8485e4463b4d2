// How the SQLite store grows: bytes per 1,000 notes in the update log, and after compaction into a snapshot.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openBoard, writeNotes } from './fillBoard.ts';
import { startTarget } from './targets.ts';

export interface StoreSizes {
  /** scopeboard.sqlite plus its -wal file, as on disk. */
  fileBytes: number;
  /** Pages in use (page_count - freelist_count) times page size, as a reader sees the database (WAL included). */
  liveBytes: number;
  logEntries: number;
  logBytes: number;
  snapshotBytes: number;
}

export interface StorageResult {
  notes: number;
  compactEvery: number;
  empty: StoreSizes;
  afterNotes: StoreSizes;
  afterCompaction: StoreSizes;
  meanLogEntryBytes: number;
  error?: string;
}

function fileSize(file: string): number {
  return fs.existsSync(file) ? fs.statSync(file).size : 0;
}

function measure(dataDir: string, boardId: string): StoreSizes {
  const file = path.join(dataDir, 'scopeboard.sqlite');
  const fileBytes = fileSize(file) + fileSize(`${file}-wal`);
  const db = new Database(file);
  try {
    const log = db
      .prepare('SELECT COUNT(*) AS n, COALESCE(SUM(LENGTH(update_data)), 0) AS bytes FROM updates WHERE board_id = ?')
      .get(boardId) as { n: number; bytes: number };
    const snap = db
      .prepare('SELECT COALESCE(SUM(LENGTH(doc)), 0) AS bytes FROM snapshots WHERE board_id = ?')
      .get(boardId) as { bytes: number };
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const pages = db.pragma('page_count', { simple: true }) as number;
    const free = db.pragma('freelist_count', { simple: true }) as number;
    return {
      fileBytes,
      liveBytes: (pages - free) * pageSize,
      logEntries: log.n,
      logBytes: log.bytes,
      snapshotBytes: snap.bytes,
    };
  } finally {
    db.close();
  }
}

/**
 * One board, `notes` notes from 10 participants. COMPACT_EVERY is raised above the note count so the log's raw
 * growth is visible; ROOM_IDLE_MS is short so the compaction on unload happens within the run.
 */
export async function runStorageGrowth(notes = 1000): Promise<StorageResult> {
  const compactEvery = notes * 5;
  const target = await startTarget('ours', { env: { COMPACT_EVERY: String(compactEvery), ROOM_IDLE_MS: '500' } });
  const empty: StoreSizes = { fileBytes: 0, liveBytes: 0, logEntries: 0, logBytes: 0, snapshotBytes: 0 };
  try {
    const board = await openBoard(target, 10);
    const boardId = board.plan.room;
    const before = measure(target.dataDir!, boardId);
    await writeNotes(board, notes, 20);
    const afterNotes = measure(target.dataDir!, boardId);
    board.close();
    // The room unloads ROOM_IDLE_MS after its last holder leaves, compacting first.
    const deadline = performance.now() + 20_000;
    let afterCompaction = measure(target.dataDir!, boardId);
    while (afterCompaction.logEntries > 0 && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      afterCompaction = measure(target.dataDir!, boardId);
    }
    return {
      notes,
      compactEvery,
      empty: before,
      afterNotes,
      afterCompaction,
      meanLogEntryBytes: Math.round(
        (afterNotes.logBytes - before.logBytes) / Math.max(1, afterNotes.logEntries - before.logEntries),
      ),
    };
  } catch (error) {
    return {
      notes,
      compactEvery,
      empty,
      afterNotes: empty,
      afterCompaction: empty,
      meanLogEntryBytes: 0,
      error: (error as Error).message,
    };
  } finally {
    await target.stop();
  }
}
