// The embedded default store: one SQLite file (WAL) in DATA_DIR, one connection shared by the store's parts.
import { openDatabase, type SqliteOptions } from './sqlite/openDatabase.ts';
import { sqliteBoardDirectory } from './sqlite/boardDirectory.ts';
import { sqliteDocLog } from './sqlite/docLog.ts';
import { sqliteSealedStore } from './sqlite/sealedStore.ts';
import { startWalCheckpointer } from './sqlite/walCheckpointer.ts';
import type { Storage } from './Storage.ts';

export type { SqliteOptions } from './sqlite/openDatabase.ts';
export type SqliteStorage = Storage;

/** SQLite's own default for automatic checkpoints: the WAL grows no larger before checkpoints start. */
const CHECKPOINT_AFTER_PAGES = 1_000;

/** Opens (creating when needed) the store in `dataDir`; throws a readable Error when it cannot. */
export function openSqliteStorage(dataDir: string, options: SqliteOptions = {}): SqliteStorage {
  const { db, file } = openDatabase(dataDir, options);
  let stopCheckpointer: (() => void) | undefined;
  if (options.checkpointInBackground) {
    db.pragma('wal_autocheckpoint = 0');
    const pageBytes = db.pragma('page_size', { simple: true }) as number;
    stopCheckpointer = startWalCheckpointer(file, {
      intervalMs: 2_000,
      startAtBytes: CHECKPOINT_AFTER_PAGES * pageBytes,
    });
  }
  return {
    ...sqliteDocLog(db),
    ...sqliteBoardDirectory(db),
    ...sqliteSealedStore(db),
    async backup(destination: string) {
      await db.backup(destination);
    },
    close() {
      stopCheckpointer?.();
      // Fold the WAL back into the database file so a stopped server leaves one tidy file.
      if (stopCheckpointer) db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}
