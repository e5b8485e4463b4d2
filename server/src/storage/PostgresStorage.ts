// The shared store for many servers: PostgreSQL through node-postgres, with every doc write fenced by the holder's epoch.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { PG_MIGRATIONS, PG_SCHEMA_VERSION } from './pgSchema.ts';
import type { BoardRecord, ParticipantRecord, PrivateNoteRecord, Storage, StoredDoc, VoteRecord } from './Storage.ts';
import { isRole } from '@shared/model/Role.ts';

/** A doc write from a server whose lease on the board was taken over: refused, so the board never forks. */
export class FencedError extends Error {
  constructor(boardId: string) {
    super(`This server no longer holds board ${boardId} (another server took it over).`);
    this.name = 'FencedError';
  }
}

/** Claims and drops fencing epochs; the cluster calls it when it takes and gives up a board's lease. */
export interface EpochFence {
  /** Bumps the board's epoch and makes this store write with it; older epochs are refused from now on. */
  claimEpoch(boardId: string): Promise<number>;
  dropEpoch(boardId: string): void;
}

export interface PostgresOptions {
  /** When true (many servers), doc writes for a board this store has not claimed are refused. */
  isFenced?: boolean;
  poolSize?: number;
  /**
   * A transaction left open this long is aborted by PostgreSQL. A holder paused mid-append (GC, frozen VM) would
   * otherwise keep the board row locked, and the server taking over would wait for it forever.
   */
  idleInTransactionMs?: number;
}

type Row = Record<string, unknown>;

const num = (value: unknown): number => Number(value);
const str = (value: unknown): string => String(value);

function toBoard(row: Row): BoardRecord {
  return {
    boardId: str(row.board_id),
    title: str(row.title),
    templateId: str(row.template_id),
    createdAt: num(row.created_at),
    facilitatorTokenHash: str(row.facilitator_token_hash),
    joinCode: str(row.join_code),
    observerCode: str(row.observer_code),
    isArchived: row.is_archived === true,
  };
}

function toParticipant(row: Row): ParticipantRecord {
  const role = str(row.role);
  return {
    participantId: str(row.participant_id),
    boardId: str(row.board_id),
    name: str(row.name),
    role: isRole(role) ? role : 'observer',
    tokenHash: str(row.token_hash),
    joinedAt: num(row.joined_at),
    isRemoved: row.is_removed === true,
    ...(row.device_hash === null || row.device_hash === undefined ? {} : { deviceHash: str(row.device_hash) }),
  };
}

function toPrivateNote(row: Row): PrivateNoteRecord {
  return {
    boardId: str(row.board_id),
    noteId: str(row.note_id),
    participantId: str(row.participant_id),
    areaId: str(row.area_id),
    text: str(row.text),
    createdAt: num(row.created_at),
  };
}

function toVote(row: Row): VoteRecord {
  return {
    boardId: str(row.board_id),
    participantId: str(row.participant_id),
    noteId: str(row.note_id),
    count: num(row.count),
  };
}

/** Connects, applies missing migrations (one server at a time, under an advisory lock), and returns the store. */
export async function openPostgresStorage(
  connectionString: string,
  options: PostgresOptions = {},
): Promise<PostgresStorage> {
  const pool = new pg.Pool({
    connectionString,
    max: options.poolSize ?? 10,
    idle_in_transaction_session_timeout: options.idleInTransactionMs ?? 1_000,
  });
  // An idle connection dropped by the database must not take the process down; the next query reconnects.
  pool.on('error', () => undefined);
  const client = await pool.connect().catch((error: Error) => {
    void pool.end();
    throw new Error(`The database at DATABASE_URL cannot be reached: ${error.message}`);
  });
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(7261001)');
    await client.query('CREATE TABLE IF NOT EXISTS scopeboard_schema (version INTEGER NOT NULL)');
    const found = await client.query('SELECT version FROM scopeboard_schema');
    const version = found.rows.length > 0 ? num(found.rows[0].version) : 0;
    if (version > PG_SCHEMA_VERSION) {
      throw new Error(`it was written by a newer Scopeboard (schema ${version}; this one knows ${PG_SCHEMA_VERSION})`);
    }
    for (const migration of PG_MIGRATIONS.slice(version)) await client.query(migration);
    if (found.rows.length === 0) await client.query('INSERT INTO scopeboard_schema VALUES ($1)', [PG_SCHEMA_VERSION]);
    else await client.query('UPDATE scopeboard_schema SET version = $1', [PG_SCHEMA_VERSION]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
    await pool.end();
    throw new Error(`The database at DATABASE_URL cannot be used: ${(error as Error).message}`, { cause: error });
  }
  client.release();
  return new PostgresStorage(pool, connectionString, options.isFenced ?? false);
}

export class PostgresStorage implements Storage, EpochFence {
  /** The epoch this process holds per board (set by claimEpoch). */
  private readonly epochs = new Map<string, number>();

  constructor(
    private readonly pool: pg.Pool,
    readonly connectionString: string,
    private readonly isFenced: boolean,
  ) {}

  private async rows(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(sql, params)).rows as Row[];
  }

  private async transaction<T>(task: (client: pg.PoolClient) => Promise<T>): Promise<T> {
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

  /** Locks the board row for this transaction and refuses when another server has claimed a newer epoch. */
  private async fence(client: pg.PoolClient, boardId: string): Promise<void> {
    const found = await client.query('SELECT current_epoch FROM boards WHERE board_id = $1 FOR UPDATE', [boardId]);
    if (found.rows.length === 0) throw new Error(`board ${boardId} does not exist`);
    const held = this.epochs.get(boardId);
    const current = num((found.rows[0] as Row).current_epoch);
    if (held === undefined ? this.isFenced : held !== current) throw new FencedError(boardId);
  }

  async claimEpoch(boardId: string): Promise<number> {
    const found = await this.rows(
      'UPDATE boards SET current_epoch = current_epoch + 1 WHERE board_id = $1 RETURNING current_epoch',
      [boardId],
    );
    if (found.length === 0) throw new Error(`board ${boardId} does not exist`);
    const epoch = num(found[0]!.current_epoch);
    this.epochs.set(boardId, epoch);
    return epoch;
  }

  dropEpoch(boardId: string): void {
    this.epochs.delete(boardId);
  }

  async createBoard(board: BoardRecord, facilitator: ParticipantRecord, initialUpdate: Uint8Array): Promise<void> {
    await this.transaction(async (client) => {
      await client.query(
        'INSERT INTO boards (board_id, title, template_id, created_at, facilitator_token_hash, join_code, observer_code, is_archived) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [
          board.boardId,
          board.title,
          board.templateId,
          board.createdAt,
          board.facilitatorTokenHash,
          board.joinCode,
          board.observerCode,
          board.isArchived,
        ],
      );
      await this.insertParticipant(client, facilitator);
      await client.query('INSERT INTO snapshots (board_id, doc, up_to_seq) VALUES ($1, $2, 0)', [
        board.boardId,
        Buffer.from(initialUpdate),
      ]);
    });
  }

  private async insertParticipant(client: pg.PoolClient | pg.Pool, p: ParticipantRecord): Promise<void> {
    await client.query(
      'INSERT INTO participants (participant_id, board_id, name, role, token_hash, joined_at, is_removed, device_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [p.participantId, p.boardId, p.name, p.role, p.tokenHash, p.joinedAt, p.isRemoved, p.deviceHash ?? null],
    );
  }

  async getBoard(boardId: string): Promise<BoardRecord | undefined> {
    const [row] = await this.rows('SELECT * FROM boards WHERE board_id = $1', [boardId]);
    return row ? toBoard(row) : undefined;
  }

  async listBoards(): Promise<BoardRecord[]> {
    return (await this.rows('SELECT * FROM boards ORDER BY created_at, board_id')).map(toBoard);
  }

  async setJoinCode(boardId: string, joinCode: string): Promise<void> {
    await this.rows('UPDATE boards SET join_code = $1 WHERE board_id = $2', [joinCode, boardId]);
  }

  async setObserverCode(boardId: string, observerCode: string): Promise<void> {
    await this.rows('UPDATE boards SET observer_code = $1 WHERE board_id = $2', [observerCode, boardId]);
  }

  async setArchived(boardId: string, isArchived: boolean): Promise<void> {
    await this.rows('UPDATE boards SET is_archived = $1 WHERE board_id = $2', [isArchived, boardId]);
  }

  async addParticipant(participant: ParticipantRecord): Promise<void> {
    await this.insertParticipant(this.pool, participant);
  }

  async findParticipantByTokenHash(boardId: string, tokenHash: string): Promise<ParticipantRecord | undefined> {
    const [row] = await this.rows('SELECT * FROM participants WHERE board_id = $1 AND token_hash = $2', [
      boardId,
      tokenHash,
    ]);
    return row ? toParticipant(row) : undefined;
  }

  async getParticipant(boardId: string, participantId: string): Promise<ParticipantRecord | undefined> {
    const [row] = await this.rows('SELECT * FROM participants WHERE board_id = $1 AND participant_id = $2', [
      boardId,
      participantId,
    ]);
    return row ? toParticipant(row) : undefined;
  }

  async removeParticipant(boardId: string, participantId: string): Promise<void> {
    await this.rows('UPDATE participants SET is_removed = TRUE WHERE board_id = $1 AND participant_id = $2', [
      boardId,
      participantId,
    ]);
  }

  async blockDevice(boardId: string, deviceHash: string, at: number): Promise<void> {
    await this.rows(
      'INSERT INTO blocked_devices (board_id, device_hash, blocked_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [boardId, deviceHash, at],
    );
  }

  async isDeviceBlocked(boardId: string, deviceHash: string): Promise<boolean> {
    const rows = await this.rows('SELECT 1 FROM blocked_devices WHERE board_id = $1 AND device_hash = $2', [
      boardId,
      deviceHash,
    ]);
    return rows.length > 0;
  }

  async loadDoc(boardId: string): Promise<StoredDoc> {
    // One transaction, so the snapshot and the log after it are read at the same point in time.
    return this.transaction(async (client) => {
      await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      const snapshot = (await client.query('SELECT doc, up_to_seq FROM snapshots WHERE board_id = $1', [boardId]))
        .rows[0] as Row | undefined;
      const fromSeq = snapshot ? num(snapshot.up_to_seq) : 0;
      const rows = (
        await client.query('SELECT seq, update_data FROM updates WHERE board_id = $1 AND seq > $2 ORDER BY seq', [
          boardId,
          fromSeq,
        ])
      ).rows as Row[];
      return {
        snapshot: snapshot ? new Uint8Array(snapshot.doc as Buffer) : null,
        updates: rows.map((row) => new Uint8Array(row.update_data as Buffer)),
        lastSeq: rows.length > 0 ? num(rows.at(-1)!.seq) : fromSeq,
      };
    });
  }

  async appendUpdates(boardId: string, updates: Uint8Array[]): Promise<{ logLength: number; lastSeq: number }> {
    return this.transaction(async (client) => {
      await this.fence(client, boardId);
      const last = (
        await client.query('SELECT MAX(seq) AS seq, COUNT(*) AS count FROM updates WHERE board_id = $1', [boardId])
      ).rows[0] as Row;
      const snap = (await client.query('SELECT up_to_seq FROM snapshots WHERE board_id = $1', [boardId])).rows[0] as
        Row | undefined;
      let seq = Math.max(last.seq === null ? 0 : num(last.seq), snap ? num(snap.up_to_seq) : 0);
      const first = seq + 1;
      seq += updates.length;
      if (updates.length > 0) {
        await client.query(
          'INSERT INTO updates (board_id, seq, update_data) SELECT $1, $2::bigint + n - 1, data FROM unnest($3::bytea[]) WITH ORDINALITY AS t(data, n)',
          [boardId, first, updates.map((u) => Buffer.from(u))],
        );
      }
      return { logLength: num(last.count) + updates.length, lastSeq: seq };
    });
  }

  async compact(boardId: string, snapshot: Uint8Array, upToSeq: number): Promise<void> {
    await this.transaction(async (client) => {
      await this.fence(client, boardId);
      await client.query(
        'INSERT INTO snapshots (board_id, doc, up_to_seq) VALUES ($1, $2, $3) ON CONFLICT (board_id) DO UPDATE SET doc = excluded.doc, up_to_seq = excluded.up_to_seq',
        [boardId, Buffer.from(snapshot), upToSeq],
      );
      await client.query('DELETE FROM updates WHERE board_id = $1 AND seq <= $2', [boardId, upToSeq]);
    });
  }

  async listPrivateNotes(boardId: string, participantId?: string): Promise<PrivateNoteRecord[]> {
    const rows =
      participantId === undefined
        ? await this.rows('SELECT * FROM private_notes WHERE board_id = $1 ORDER BY created_at, note_id', [boardId])
        : await this.rows(
            'SELECT * FROM private_notes WHERE board_id = $1 AND participant_id = $2 ORDER BY created_at, note_id',
            [boardId, participantId],
          );
    return rows.map(toPrivateNote);
  }

  async getPrivateNote(boardId: string, noteId: string): Promise<PrivateNoteRecord | undefined> {
    const [row] = await this.rows('SELECT * FROM private_notes WHERE board_id = $1 AND note_id = $2', [
      boardId,
      noteId,
    ]);
    return row ? toPrivateNote(row) : undefined;
  }

  async addPrivateNote(note: PrivateNoteRecord): Promise<void> {
    await this.rows('INSERT INTO private_notes VALUES ($1, $2, $3, $4, $5, $6)', [
      note.boardId,
      note.noteId,
      note.participantId,
      note.areaId,
      note.text,
      note.createdAt,
    ]);
  }

  async updatePrivateNote(boardId: string, noteId: string, text: string): Promise<void> {
    await this.rows('UPDATE private_notes SET text = $1 WHERE board_id = $2 AND note_id = $3', [text, boardId, noteId]);
  }

  async deletePrivateNotes(boardId: string, noteIds: readonly string[]): Promise<void> {
    await this.rows('DELETE FROM private_notes WHERE board_id = $1 AND note_id = ANY($2::text[])', [
      boardId,
      [...noteIds],
    ]);
  }

  async listVotes(boardId: string, participantId?: string): Promise<VoteRecord[]> {
    const rows =
      participantId === undefined
        ? await this.rows('SELECT * FROM votes WHERE board_id = $1 ORDER BY participant_id, note_id', [boardId])
        : await this.rows('SELECT * FROM votes WHERE board_id = $1 AND participant_id = $2 ORDER BY note_id', [
            boardId,
            participantId,
          ]);
    return rows.map(toVote);
  }

  async setVote(vote: VoteRecord): Promise<void> {
    if (vote.count > 0) {
      await this.rows(
        'INSERT INTO votes VALUES ($1, $2, $3, $4) ON CONFLICT (board_id, participant_id, note_id) DO UPDATE SET count = excluded.count',
        [vote.boardId, vote.participantId, vote.noteId, vote.count],
      );
    } else {
      await this.rows('DELETE FROM votes WHERE board_id = $1 AND participant_id = $2 AND note_id = $3', [
        vote.boardId,
        vote.participantId,
        vote.noteId,
      ]);
    }
  }

  async clearVotes(boardId: string): Promise<void> {
    await this.rows('DELETE FROM votes WHERE board_id = $1', [boardId]);
  }

  /** A consistent dump (pg_dump's custom format, restored with pg_restore) at `destination`. */
  async backup(destination: string): Promise<void> {
    const binary = process.env.PG_DUMP ?? 'pg_dump';
    try {
      await promisify(execFile)(binary, ['--format=custom', '--file', destination, this.connectionString]);
    } catch (error) {
      throw new Error(`pg_dump could not back up the database: ${(error as Error).message}`, { cause: error });
    }
  }

  close(): void {
    void this.pool.end().catch(() => undefined);
  }
}
