// The shared store for many servers: PostgreSQL through node-postgres, one pool shared by the store's parts, every
// doc write fenced by the holder's epoch.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { postgresBoardDirectory } from './postgres/boardDirectory.ts';
import { openPgConnection, type PoolOptions } from './postgres/connection.ts';
import { postgresDocLog } from './postgres/docLog.ts';
import { EpochFencing, type EpochFence } from './postgres/fence.ts';
import { postgresSealedStore } from './postgres/sealedStore.ts';
import type { Storage } from './Storage.ts';

export { FencedError, type EpochFence } from './postgres/fence.ts';

export interface PostgresOptions extends PoolOptions {
  /** When true (many servers), doc writes for a board this store has not claimed are refused. */
  isFenced?: boolean;
}

export interface PostgresStorage extends Storage, EpochFence {
  readonly connectionString: string;
}

/** A consistent dump (pg_dump's custom format, restored with pg_restore) of the database at `destination`. */
export async function pgDump(connectionString: string, destination: string): Promise<void> {
  const binary = process.env.PG_DUMP ?? 'pg_dump';
  try {
    await promisify(execFile)(binary, ['--format=custom', '--file', destination, connectionString]);
  } catch (error) {
    throw new Error(`pg_dump could not back up the database: ${(error as Error).message}`, { cause: error });
  }
}

/** Connects, applies missing migrations (one server at a time, under an advisory lock), and returns the store. */
export async function openPostgresStorage(
  connectionString: string,
  options: PostgresOptions = {},
): Promise<PostgresStorage> {
  const connection = await openPgConnection(connectionString, options);
  const fencing = new EpochFencing(connection, options.isFenced ?? false);
  return {
    connectionString,
    claimEpoch: (boardId) => fencing.claimEpoch(boardId),
    dropEpoch: (boardId) => fencing.dropEpoch(boardId),
    ...postgresDocLog(connection, fencing),
    ...postgresBoardDirectory(connection),
    ...postgresSealedStore(connection),
    backup: (destination) => pgDump(connectionString, destination),
    close: () => connection.close(),
  };
}
