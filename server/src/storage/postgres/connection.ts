// One pool of PostgreSQL connections shared by the store's parts; opening it applies the missing migrations.
import type pg from 'pg';
import type { Row } from '../rows.ts';
import { PG_MIGRATIONS, PG_SCHEMA_VERSION } from './schema.ts';

export interface PoolOptions {
  poolSize?: number;
  /**
   * A transaction left open this long is aborted by PostgreSQL. A holder paused mid-append (GC, frozen VM) would
   * otherwise keep the board row locked, and the server taking over would wait for it forever.
   */
  idleInTransactionMs?: number;
}

export class PgConnection {
  constructor(
    readonly pool: pg.Pool,
    readonly connectionString: string,
  ) {}

  async rows(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(sql, params)).rows as Row[];
  }

  async transaction<T>(task: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await task(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  close(): void {
    void this.pool.end().catch(() => undefined);
  }
}

/** Applies the migrations this database lacks, one server at a time (under an advisory lock). */
async function migrate(client: pg.PoolClient): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(7261001)');
  await client.query('CREATE TABLE IF NOT EXISTS scopeboard_schema (version INTEGER NOT NULL)');
  const found = await client.query('SELECT version FROM scopeboard_schema');
  const version = found.rows.length > 0 ? Number((found.rows[0] as Row).version) : 0;
  if (version > PG_SCHEMA_VERSION) {
    throw new Error(`it was written by a newer Scopeboard (schema ${version}; this one knows ${PG_SCHEMA_VERSION})`);
  }
  for (const migration of PG_MIGRATIONS.slice(version)) await client.query(migration);
  if (found.rows.length === 0) await client.query('INSERT INTO scopeboard_schema VALUES ($1)', [PG_SCHEMA_VERSION]);
  else await client.query('UPDATE scopeboard_schema SET version = $1', [PG_SCHEMA_VERSION]);
}

/** Connects and migrates; throws a readable Error when the database cannot be reached or used. */
export async function openPgConnection(connectionString: string, options: PoolOptions = {}): Promise<PgConnection> {
  // Imported here, not at the top: a server on SQLite never loads pg (~4 MB of memory).
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString,
    max: options.poolSize ?? 10,
    idle_in_transaction_session_timeout: options.idleInTransactionMs ?? 1_000,
  });
  // An idle connection dropped by the database must not take the process down; the next query reconnects.
  pool.on('error', () => undefined);
  const client = await pool.connect().catch((error: Error) => {
    void pool.end();
    throw new Error(`The database at DATABASE_URL cannot be reached: ${error.message}`, { cause: error });
  });
  const connection = new PgConnection(pool, connectionString);
  try {
    await client.query('BEGIN');
    await migrate(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
    await pool.end();
    throw new Error(`The database at DATABASE_URL cannot be used: ${(error as Error).message}`, { cause: error });
  }
  client.release();
  return connection;
}
