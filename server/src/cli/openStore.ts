// The store an operator script works on: PostgreSQL when DATABASE_URL is set (as for the server), else DATA_DIR.
import type { Config } from '../config.ts';
import { openPostgresStorage } from '../storage/PostgresStorage.ts';
import { openSqliteStorage } from '../storage/SqliteStorage.ts';
import type { BoardDirectory, DocLog, StoreAdmin } from '../storage/Storage.ts';

export interface ScriptStore {
  /** What a script reads a board with, and closes when done. */
  storage: BoardDirectory & DocLog & Pick<StoreAdmin, 'close'>;
  /** Where the data is, in words for messages ("PostgreSQL" or the data directory). */
  where: string;
}

export async function openScriptStore(env: NodeJS.ProcessEnv, config: Config): Promise<ScriptStore> {
  if (env.DATABASE_URL) return { storage: await openPostgresStorage(env.DATABASE_URL), where: 'PostgreSQL' };
  return {
    storage: openSqliteStorage(config.dataDir, { synchronous: config.sqliteSynchronous }),
    where: config.dataDir,
  };
}
