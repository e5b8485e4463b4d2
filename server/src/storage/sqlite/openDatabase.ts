// Opens the SQLite file in DATA_DIR: checks the directory can be written, sets the pragmas, migrates the schema.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ADDED_COLUMNS, SCHEMA, SCHEMA_VERSION } from './schema.ts';

export interface SqliteOptions {
  synchronous?: 'NORMAL' | 'FULL';
  /** Checkpoint the WAL from a worker thread instead of inline on commits (the server does; scripts need not). */
  checkpointInBackground?: boolean;
}

export const DATABASE_FILE = 'scopeboard.sqlite';

function checkWritable(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.accessSync(dataDir, fs.constants.W_OK);
  } catch (error) {
    throw new Error(`DATA_DIR ${dataDir} is not a writable directory (${(error as Error).message})`, { cause: error });
  }
  // Writing (and syncing) a small file is what tells a full disk from a writable one.
  const probe = path.join(dataDir, `.write-probe-${process.pid}`);
  try {
    const fd = fs.openSync(probe, 'w');
    try {
      fs.writeSync(fd, Buffer.alloc(64 * 1024));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOSPC' || code === 'EDQUOT' ? 'the disk is full' : (error as Error).message;
    throw new Error(`DATA_DIR ${dataDir} cannot be written: ${why}`, { cause: error });
  } finally {
    fs.rmSync(probe, { force: true });
  }
}

/** Brings a file of an older schema up to this one in place; refuses a file from a newer Scopeboard. */
function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new Error(`it was written by a newer Scopeboard (schema ${version}; this one knows ${SCHEMA_VERSION})`);
  }
  db.exec(SCHEMA);
  for (const { table, column, definition } of ADDED_COLUMNS) {
    const columns = db.pragma(`table_info(${table})`) as { name: string }[];
    if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
  }
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
}

/** Opens (creating when needed) the database in `dataDir`; throws a readable Error when it cannot. */
export function openDatabase(dataDir: string, options: SqliteOptions): { db: Database.Database; file: string } {
  checkWritable(dataDir);
  const file = path.join(dataDir, DATABASE_FILE);
  try {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    db.pragma('foreign_keys = ON');
    const integrity = db.pragma('quick_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`integrity check failed: ${String(integrity)}`);
    migrate(db);
    return { db, file };
  } catch (error) {
    throw new Error(`The database ${file} cannot be used: ${(error as Error).message}`, { cause: error });
  }
}
