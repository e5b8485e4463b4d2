// The embedded default store: one SQLite file (WAL), an update log per board compacted into snapshots.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startWalCheckpointer } from './walCheckpointer.ts';
import { crc32 } from 'node:zlib';
import { ADDED_COLUMNS, SCHEMA, SCHEMA_VERSION } from './sqliteSchema.ts';
import {
  DamagedBoardError,
  type BoardRecord,
  type ParticipantRecord,
  type PrivateNoteRecord,
  type Storage,
  type StoredDoc,
  type VoteRecord,
} from './Storage.ts';
import { isRole } from '@shared/model/Role.ts';

interface BoardRow {
  board_id: string;
  title: string;
  template_id: string;
  created_at: number;
  facilitator_token_hash: string;
  join_code: string;
  observer_code: string;
  is_archived: number;
}
interface ParticipantRow {
  participant_id: string;
  board_id: string;
  name: string;
  role: string;
  token_hash: string;
  joined_at: number;
  is_removed: number;
  device_hash: string | null;
}

interface SnapshotRow {
  doc: Buffer;
  up_to_seq: number;
  checksum: number | null;
}
interface UpdateRow {
  seq: number;
  update_data: Buffer;
  checksum: number | null;
}

/** Where each board's log stands, kept in memory so an append never reads the snapshot row (issue 15). */
interface LogPosition {
  lastSeq: number;
  logLength: number;
}

/** A stored blob whose CRC-32 differs from the one stored with it; rows from before schema 3 have none. */
function isCorrupt(data: Buffer, checksum: number | null): boolean {
  return checksum !== null && crc32(data) !== checksum;
}

interface PrivateNoteRow {
  board_id: string;
  note_id: string;
  participant_id: string;
  area_id: string;
  text: string;
  created_at: number;
}
interface VoteRow {
  board_id: string;
  participant_id: string;
  note_id: string;
  count: number;
}

/** What is wrong with a board's log after the snapshot (bad checksum, a gap in sequence numbers), if anything. */
function logProblem(rows: Iterable<UpdateRow>, fromSeq: number): string | undefined {
  let expected = fromSeq + 1;
  for (const row of rows) {
    if (row.seq !== expected) return `changes ${expected} to ${row.seq - 1} are missing from the log`;
    if (isCorrupt(row.update_data, row.checksum)) return `change ${row.seq} fails its checksum`;
    expected++;
  }
  return undefined;
}

function toPrivateNote(row: PrivateNoteRow): PrivateNoteRecord {
  return {
    boardId: row.board_id,
    noteId: row.note_id,
    participantId: row.participant_id,
    areaId: row.area_id,
    text: row.text,
    createdAt: row.created_at,
  };
}

function toVote(row: VoteRow): VoteRecord {
  return { boardId: row.board_id, participantId: row.participant_id, noteId: row.note_id, count: row.count };
}

function toBoard(row: BoardRow): BoardRecord {
  return {
    boardId: row.board_id,
    title: row.title,
    templateId: row.template_id,
    createdAt: row.created_at,
    facilitatorTokenHash: row.facilitator_token_hash,
    joinCode: row.join_code,
    observerCode: row.observer_code,
    isArchived: row.is_archived === 1,
  };
}

function toParticipant(row: ParticipantRow): ParticipantRecord {
  return {
    participantId: row.participant_id,
    boardId: row.board_id,
    name: row.name,
    role: isRole(row.role) ? row.role : 'observer',
    tokenHash: row.token_hash,
    joinedAt: row.joined_at,
    isRemoved: row.is_removed === 1,
    ...(row.device_hash === null ? {} : { deviceHash: row.device_hash }),
  };
}

/** Opens (creating when needed) the database in `dataDir`; throws a readable Error when it cannot. */
export interface SqliteOptions {
  synchronous?: 'NORMAL' | 'FULL';
  /** Checkpoint the WAL from a worker thread instead of inline on commits (the server does; scripts need not). */
  checkpointInBackground?: boolean;
}

export function openSqliteStorage(dataDir: string, options: SqliteOptions = {}): SqliteStorage {
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
  const file = path.join(dataDir, 'scopeboard.sqlite');
  let db: Database.Database;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    db.pragma('foreign_keys = ON');
    const integrity = db.pragma('quick_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`integrity check failed: ${String(integrity)}`);
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
  } catch (error) {
    throw new Error(`The database ${file} cannot be used: ${(error as Error).message}`, { cause: error });
  }
  if (!options.checkpointInBackground) return new SqliteStorage(db);
  db.pragma('wal_autocheckpoint = 0');
  return new SqliteStorage(db, startWalCheckpointer(file, 2_000));
}

export class SqliteStorage implements Storage {
  private readonly statements;
  private readonly positions = new Map<string, LogPosition>();
  /** Boards found damaged (at start-up or on load): refused until the file is repaired and the server restarted. */
  private readonly damaged = new Map<string, DamagedBoardError>();

  constructor(
    private readonly db: Database.Database,
    private readonly stopCheckpointer?: () => void,
  ) {
    this.statements = {
      insertBoard: db.prepare(
        `INSERT INTO boards VALUES (@boardId, @title, @templateId, @createdAt, @facilitatorTokenHash, @joinCode, @observerCode, @isArchived)`,
      ),
      getBoard: db.prepare<[string], BoardRow>('SELECT * FROM boards WHERE board_id = ?'),
      listBoards: db.prepare<[], BoardRow>('SELECT * FROM boards ORDER BY created_at'),
      setJoinCode: db.prepare('UPDATE boards SET join_code = ? WHERE board_id = ?'),
      setObserverCode: db.prepare('UPDATE boards SET observer_code = ? WHERE board_id = ?'),
      setArchived: db.prepare('UPDATE boards SET is_archived = ? WHERE board_id = ?'),
      insertParticipant: db.prepare(
        `INSERT INTO participants (participant_id, board_id, name, role, token_hash, joined_at, is_removed, device_hash)
         VALUES (@participantId, @boardId, @name, @role, @tokenHash, @joinedAt, @isRemoved, @deviceHash)`,
      ),
      byToken: db.prepare<[string, string], ParticipantRow>(
        'SELECT * FROM participants WHERE board_id = ? AND token_hash = ?',
      ),
      byId: db.prepare<[string, string], ParticipantRow>(
        'SELECT * FROM participants WHERE board_id = ? AND participant_id = ?',
      ),
      remove: db.prepare('UPDATE participants SET is_removed = 1 WHERE board_id = ? AND participant_id = ?'),
      blockDevice: db.prepare(
        'INSERT INTO blocked_devices (board_id, device_hash, blocked_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      ),
      isBlocked: db.prepare<[string, string], { one: number }>(
        'SELECT 1 AS one FROM blocked_devices WHERE board_id = ? AND device_hash = ?',
      ),
      snapshot: db.prepare<[string], SnapshotRow>('SELECT doc, up_to_seq, checksum FROM snapshots WHERE board_id = ?'),
      allSnapshots: db.prepare<[], SnapshotRow & { board_id: string }>(
        'SELECT board_id, doc, up_to_seq, checksum FROM snapshots',
      ),
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
      privateNotes: db.prepare<[string], PrivateNoteRow>(
        'SELECT * FROM private_notes WHERE board_id = ? ORDER BY created_at, note_id',
      ),
      privateNotesOf: db.prepare<[string, string], PrivateNoteRow>(
        'SELECT * FROM private_notes WHERE board_id = ? AND participant_id = ? ORDER BY created_at, note_id',
      ),
      privateNote: db.prepare<[string, string], PrivateNoteRow>(
        'SELECT * FROM private_notes WHERE board_id = ? AND note_id = ?',
      ),
      insertPrivateNote: db.prepare(
        'INSERT INTO private_notes VALUES (@boardId, @noteId, @participantId, @areaId, @text, @createdAt)',
      ),
      updatePrivateNote: db.prepare('UPDATE private_notes SET text = ? WHERE board_id = ? AND note_id = ?'),
      deletePrivateNote: db.prepare('DELETE FROM private_notes WHERE board_id = ? AND note_id = ?'),
      votes: db.prepare<[string], VoteRow>('SELECT * FROM votes WHERE board_id = ? ORDER BY participant_id, note_id'),
      votesOf: db.prepare<[string, string], VoteRow>(
        'SELECT * FROM votes WHERE board_id = ? AND participant_id = ? ORDER BY note_id',
      ),
      upsertVote: db.prepare(
        'INSERT INTO votes VALUES (@boardId, @participantId, @noteId, @count) ON CONFLICT(board_id, participant_id, note_id) DO UPDATE SET count = excluded.count',
      ),
      deleteVote: db.prepare('DELETE FROM votes WHERE board_id = ? AND participant_id = ? AND note_id = ?'),
      clearVotes: db.prepare('DELETE FROM votes WHERE board_id = ?'),
    };
  }

  async createBoard(board: BoardRecord, facilitator: ParticipantRecord, initialUpdate: Uint8Array): Promise<void> {
    this.db.transaction(() => {
      this.statements.insertBoard.run({ ...board, isArchived: board.isArchived ? 1 : 0 });
      this.statements.insertParticipant.run({
        ...facilitator,
        isRemoved: 0,
        deviceHash: facilitator.deviceHash ?? null,
      });
      const doc = Buffer.from(initialUpdate);
      this.statements.upsertSnapshot.run(board.boardId, doc, 0, crc32(doc));
    })();
  }

  async getBoard(boardId: string): Promise<BoardRecord | undefined> {
    const row = this.statements.getBoard.get(boardId);
    return row ? toBoard(row) : undefined;
  }

  async listBoards(): Promise<BoardRecord[]> {
    return this.statements.listBoards.all().map(toBoard);
  }

  async setJoinCode(boardId: string, joinCode: string): Promise<void> {
    this.statements.setJoinCode.run(joinCode, boardId);
  }

  async setObserverCode(boardId: string, observerCode: string): Promise<void> {
    this.statements.setObserverCode.run(observerCode, boardId);
  }

  async setArchived(boardId: string, isArchived: boolean): Promise<void> {
    this.statements.setArchived.run(isArchived ? 1 : 0, boardId);
  }

  async addParticipant(participant: ParticipantRecord): Promise<void> {
    this.statements.insertParticipant.run({
      ...participant,
      isRemoved: participant.isRemoved ? 1 : 0,
      deviceHash: participant.deviceHash ?? null,
    });
  }

  async findParticipantByTokenHash(boardId: string, tokenHash: string): Promise<ParticipantRecord | undefined> {
    const row = this.statements.byToken.get(boardId, tokenHash);
    return row ? toParticipant(row) : undefined;
  }

  async getParticipant(boardId: string, participantId: string): Promise<ParticipantRecord | undefined> {
    const row = this.statements.byId.get(boardId, participantId);
    return row ? toParticipant(row) : undefined;
  }

  async removeParticipant(boardId: string, participantId: string): Promise<void> {
    this.statements.remove.run(boardId, participantId);
  }

  async blockDevice(boardId: string, deviceHash: string, at: number): Promise<void> {
    this.statements.blockDevice.run(boardId, deviceHash, at);
  }

  async isDeviceBlocked(boardId: string, deviceHash: string): Promise<boolean> {
    return this.statements.isBlocked.get(boardId, deviceHash) !== undefined;
  }

  async loadDoc(boardId: string): Promise<StoredDoc> {
    const known = this.damaged.get(boardId);
    if (known) throw known;
    const snapshot = this.statements.snapshot.get(boardId);
    const fromSeq = snapshot?.up_to_seq ?? 0;
    const rows = this.statements.updates.all(boardId, fromSeq);
    const problem =
      (snapshot && isCorrupt(snapshot.doc, snapshot.checksum) ? 'the snapshot fails its checksum' : undefined) ??
      logProblem(rows, fromSeq);
    if (problem) {
      const error = new DamagedBoardError(boardId, problem);
      this.damaged.set(boardId, error);
      throw error;
    }
    const lastSeq = rows.at(-1)?.seq ?? fromSeq;
    this.positions.set(boardId, { lastSeq, logLength: rows.length });
    return {
      snapshot: snapshot ? new Uint8Array(snapshot.doc) : null,
      updates: rows.map((row) => new Uint8Array(row.update_data)),
      lastSeq,
    };
  }

  /**
   * Checks every board's snapshot and log (checksums, no missing sequence numbers), as at start-up; damaged boards
   * are remembered and refused, the others served. Returns what was found.
   */
  verifyAll(): DamagedBoardError[] {
    const found: DamagedBoardError[] = [];
    for (const snapshot of this.statements.allSnapshots.iterate()) {
      const problem = isCorrupt(snapshot.doc, snapshot.checksum)
        ? 'the snapshot fails its checksum'
        : logProblem(this.statements.updates.iterate(snapshot.board_id, snapshot.up_to_seq), snapshot.up_to_seq);
      if (!problem) continue;
      const error = new DamagedBoardError(snapshot.board_id, problem);
      this.damaged.set(snapshot.board_id, error);
      found.push(error);
    }
    return found;
  }

  /** Where the board's log stands: from memory, else read once from small columns (never the snapshot blob). */
  private position(boardId: string): LogPosition {
    let position = this.positions.get(boardId);
    if (!position) {
      const last = this.statements.lastSeq.get(boardId);
      const upTo = this.statements.upToSeq.get(boardId)?.up_to_seq ?? 0;
      position = { lastSeq: Math.max(last?.seq ?? 0, upTo), logLength: last?.count ?? 0 };
      this.positions.set(boardId, position);
    }
    return position;
  }

  async appendUpdates(boardId: string, updates: Uint8Array[]): Promise<{ logLength: number; lastSeq: number }> {
    const position = this.position(boardId);
    let seq = position.lastSeq;
    this.db.transaction(() => {
      for (const update of updates) {
        const data = Buffer.from(update);
        this.statements.insertUpdate.run(boardId, ++seq, data, crc32(data));
      }
    })();
    // Only once committed: a failed transaction leaves the position where the file is.
    position.lastSeq = seq;
    position.logLength += updates.length;
    return { logLength: position.logLength, lastSeq: seq };
  }

  async compact(boardId: string, snapshot: Uint8Array, upToSeq: number): Promise<void> {
    const doc = Buffer.from(snapshot);
    this.db.transaction(() => {
      this.statements.upsertSnapshot.run(boardId, doc, upToSeq, crc32(doc));
      this.statements.dropUpdates.run(boardId, upToSeq);
    })();
    const position = this.positions.get(boardId);
    if (position) position.logLength = Math.max(0, position.lastSeq - upToSeq);
  }

  async listPrivateNotes(boardId: string, participantId?: string): Promise<PrivateNoteRecord[]> {
    const rows =
      participantId === undefined
        ? this.statements.privateNotes.all(boardId)
        : this.statements.privateNotesOf.all(boardId, participantId);
    return rows.map(toPrivateNote);
  }

  async getPrivateNote(boardId: string, noteId: string): Promise<PrivateNoteRecord | undefined> {
    const row = this.statements.privateNote.get(boardId, noteId);
    return row ? toPrivateNote(row) : undefined;
  }

  async addPrivateNote(note: PrivateNoteRecord): Promise<void> {
    this.statements.insertPrivateNote.run(note);
  }

  async updatePrivateNote(boardId: string, noteId: string, text: string): Promise<void> {
    this.statements.updatePrivateNote.run(text, boardId, noteId);
  }

  async deletePrivateNotes(boardId: string, noteIds: readonly string[]): Promise<void> {
    this.db.transaction(() => {
      for (const noteId of noteIds) this.statements.deletePrivateNote.run(boardId, noteId);
    })();
  }

  async listVotes(boardId: string, participantId?: string): Promise<VoteRecord[]> {
    const rows =
      participantId === undefined
        ? this.statements.votes.all(boardId)
        : this.statements.votesOf.all(boardId, participantId);
    return rows.map(toVote);
  }

  async setVote(vote: VoteRecord): Promise<void> {
    if (vote.count > 0) this.statements.upsertVote.run(vote);
    else this.statements.deleteVote.run(vote.boardId, vote.participantId, vote.noteId);
  }

  async clearVotes(boardId: string): Promise<void> {
    this.statements.clearVotes.run(boardId);
  }

  async backup(destination: string): Promise<void> {
    await this.db.backup(destination);
  }

  close(): void {
    this.stopCheckpointer?.();
    // Fold the WAL back into the database file so a stopped server leaves one tidy file.
    if (this.stopCheckpointer) this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}
