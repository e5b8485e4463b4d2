// The storage contract: one suite that every backend must pass, SQLite (embedded) and PostgreSQL (many servers).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import pg from 'pg';
import * as Y from 'yjs';
import {
  DamagedBoardError,
  type BoardRecord,
  type ParticipantRecord,
  type Storage,
} from '../../server/src/storage/Storage.ts';
import { openSqliteStorage } from '../../server/src/storage/SqliteStorage.ts';
import { FencedError, openPostgresStorage } from '../../server/src/storage/PostgresStorage.ts';
import { SCHEMA_VERSION } from '../../server/src/storage/sqlite/schema.ts';
import { PG_MIGRATIONS } from '../../server/src/storage/postgres/schema.ts';
import { hasServices, PG_BIN, startPostgres, type RunningPostgres } from '../helpers/services.ts';

// One PostgreSQL for the file, started on first use; each test gets a database of its own.
let postgres: Promise<RunningPostgres> | undefined;
let databases = 0;
async function freshPostgres(options: { isFenced?: boolean } = {}) {
  postgres ??= startPostgres();
  const url = await (await postgres).database(`contract_${process.pid}_${++databases}`);
  return openPostgresStorage(url, options);
}
afterAll(async () => {
  if (postgres) await (await postgres).stop();
});

const backends: [string, () => Promise<Storage>][] = [
  ['sqlite', async () => openSqliteStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'scopeboard-store-')))],
  ...(hasServices() ? [['postgresql', () => freshPostgres()] as [string, () => Promise<Storage>]] : []),
];

/** The tables as schema 3 (before devices) created them, to check that an older file is migrated in place. */
const SCHEMA_3 = `
CREATE TABLE boards (board_id TEXT PRIMARY KEY, title TEXT NOT NULL, template_id TEXT NOT NULL,
  created_at INTEGER NOT NULL, facilitator_token_hash TEXT NOT NULL, join_code TEXT NOT NULL,
  observer_code TEXT NOT NULL, is_archived INTEGER NOT NULL DEFAULT 0);
CREATE TABLE participants (participant_id TEXT NOT NULL, board_id TEXT NOT NULL REFERENCES boards(board_id),
  name TEXT NOT NULL, role TEXT NOT NULL, token_hash TEXT NOT NULL, joined_at INTEGER NOT NULL,
  is_removed INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (board_id, participant_id));
CREATE UNIQUE INDEX participants_token ON participants(board_id, token_hash);
CREATE TABLE snapshots (board_id TEXT PRIMARY KEY REFERENCES boards(board_id), doc BLOB NOT NULL,
  up_to_seq INTEGER NOT NULL, checksum INTEGER);
CREATE TABLE updates (board_id TEXT NOT NULL REFERENCES boards(board_id), seq INTEGER NOT NULL,
  update_data BLOB NOT NULL, checksum INTEGER, PRIMARY KEY (board_id, seq));
CREATE TABLE private_notes (board_id TEXT NOT NULL REFERENCES boards(board_id), note_id TEXT NOT NULL,
  participant_id TEXT NOT NULL, area_id TEXT NOT NULL, text TEXT NOT NULL, created_at INTEGER NOT NULL,
  PRIMARY KEY (board_id, note_id));
CREATE TABLE votes (board_id TEXT NOT NULL REFERENCES boards(board_id), participant_id TEXT NOT NULL,
  note_id TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (board_id, participant_id, note_id));
`;

function board(boardId: string): BoardRecord {
  return {
    boardId,
    title: 'T',
    templateId: 'ssr2-copenhagen',
    createdAt: 1,
    facilitatorTokenHash: 'h-' + boardId,
    joinCode: 'j',
    observerCode: 'o',
    isArchived: false,
  };
}

function person(boardId: string, participantId: string, tokenHash: string): ParticipantRecord {
  return { participantId, boardId, name: 'N', role: 'participant', tokenHash, joinedAt: 2, isRemoved: false };
}

function updateSetting(key: string, value: string, base?: Y.Doc): { doc: Y.Doc; update: Uint8Array } {
  const doc = base ?? new Y.Doc();
  let captured: Uint8Array = new Uint8Array();
  const capture = (u: Uint8Array) => (captured = u);
  doc.on('update', capture);
  doc.getMap('m').set(key, value);
  doc.off('update', capture);
  return { doc, update: captured };
}

function replay(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc;
}

describe.each(backends)('storage contract: %s', (name, open) => {
  it('stores boards and participants, finds by token hash, removes', async () => {
    const storage = await open();
    const first = updateSetting('a', '1');
    await storage.createBoard(board('b1'), person('b1', 'f1', 'hf'), first.update);
    expect(await storage.getBoard('b1')).toEqual(board('b1'));
    expect(await storage.getBoard('none')).toBeUndefined();
    await storage.addParticipant(person('b1', 'p1', 'hp'));
    expect((await storage.findParticipantByTokenHash('b1', 'hp'))?.participantId).toBe('p1');
    expect(await storage.findParticipantByTokenHash('b2', 'hp')).toBeUndefined();
    await storage.removeParticipant('b1', 'p1');
    expect((await storage.getParticipant('b1', 'p1'))?.isRemoved).toBe(true);
    await storage.setJoinCode('b1', 'j2');
    await storage.setArchived('b1', true);
    expect(await storage.getBoard('b1')).toMatchObject({ joinCode: 'j2', isArchived: true });
    storage.close();
  });

  it('keeps the device a participant joined from, and the devices blocked from each board', async () => {
    const storage = await open();
    await storage.createBoard(board('b1'), person('b1', 'f1', 'hf'), updateSetting('a', '1').update);
    await storage.createBoard(board('b2'), person('b2', 'f2', 'hg'), updateSetting('a', '2').update);
    await storage.addParticipant({ ...person('b1', 'p1', 'hp'), deviceHash: 'dev-1' });
    expect(await storage.getParticipant('b1', 'p1')).toEqual({ ...person('b1', 'p1', 'hp'), deviceHash: 'dev-1' });
    expect((await storage.findParticipantByTokenHash('b1', 'hp'))?.deviceHash).toBe('dev-1');
    // A participant who joined without a device id reads back without one.
    expect(await storage.getParticipant('b1', 'f1')).toEqual(person('b1', 'f1', 'hf'));

    expect(await storage.isDeviceBlocked('b1', 'dev-1')).toBe(false);
    await storage.blockDevice('b1', 'dev-1', 100);
    await storage.blockDevice('b1', 'dev-1', 200);
    expect(await storage.isDeviceBlocked('b1', 'dev-1')).toBe(true);
    expect(await storage.isDeviceBlocked('b1', 'dev-2')).toBe(false);
    expect(await storage.isDeviceBlocked('b2', 'dev-1')).toBe(false);
    storage.close();
  });

  it('renews the observer code without touching the join code', async () => {
    const storage = await open();
    await storage.createBoard(board('b1'), person('b1', 'f1', 'hf'), updateSetting('a', '1').update);
    await storage.createBoard(board('b2'), person('b2', 'f2', 'hg'), updateSetting('a', '2').update);
    await storage.setObserverCode('b1', 'o2');
    expect(await storage.getBoard('b1')).toEqual({ ...board('b1'), observerCode: 'o2' });
    expect(await storage.getBoard('b2')).toEqual(board('b2'));
    storage.close();
  });

  it('appends updates in order, compacts atomically, and replays to the same doc', async () => {
    const storage = await open();
    const first = updateSetting('a', '1');
    await storage.createBoard(board('b1'), person('b1', 'f1', 'hf'), first.update);
    const second = updateSetting('b', '2', first.doc);
    const third = updateSetting('c', '3', first.doc);
    const appended = await storage.appendUpdates('b1', [second.update, third.update]);
    expect(appended.logLength).toBe(2);
    expect(
      replay(await storage.loadDoc('b1'))
        .getMap('m')
        .toJSON(),
    ).toEqual({ a: '1', b: '2', c: '3' });

    await storage.compact('b1', Y.encodeStateAsUpdate(first.doc), appended.lastSeq);
    const fourth = updateSetting('d', '4', first.doc);
    await storage.appendUpdates('b1', [fourth.update]);
    const stored = await storage.loadDoc('b1');
    expect(stored.updates).toHaveLength(1);
    expect(replay(stored).getMap('m').toJSON()).toEqual({ a: '1', b: '2', c: '3', d: '4' });
    storage.close();
  });

  it('numbers the log on across compactions and counts only the entries after the snapshot', async () => {
    const store = await open();
    await store.createBoard(board('s1'), person('s1', 'f', 'hf'), updateSetting('a', '0').update);
    const { doc, update: u1 } = updateSetting('a', '1');
    expect(await store.appendUpdates('s1', [u1])).toEqual({ logLength: 1, lastSeq: 1 });
    expect(
      await store.appendUpdates('s1', [updateSetting('b', '2', doc).update, updateSetting('c', '3', doc).update]),
    ).toEqual({ logLength: 3, lastSeq: 3 });
    await store.compact('s1', Y.encodeStateAsUpdate(doc), 2);
    expect(await store.appendUpdates('s1', [updateSetting('d', '4', doc).update])).toEqual({
      logLength: 2,
      lastSeq: 4,
    });
    const stored = await store.loadDoc('s1');
    expect(stored.lastSeq).toBe(4);
    expect(replay(stored).getMap('m').toJSON()).toEqual({ a: '1', b: '2', c: '3', d: '4' });
    store.close();
  });

  it('keeps boards apart', async () => {
    const storage = await open();
    await storage.createBoard(board('b1'), person('b1', 'f1', 'h1'), updateSetting('x', 'one').update);
    await storage.createBoard(board('b2'), person('b2', 'f2', 'h2'), updateSetting('x', 'two').update);
    expect(
      replay(await storage.loadDoc('b1'))
        .getMap('m')
        .get('x'),
    ).toBe('one');
    expect(
      replay(await storage.loadDoc('b2'))
        .getMap('m')
        .get('x'),
    ).toBe('two');
    expect((await storage.listBoards()).map((b) => b.boardId)).toEqual(['b1', 'b2']);
    storage.close();
  });

  it('keeps private notes per board and author, edits and deletes them', async () => {
    const storage = await open();
    await storage.createBoard(board('b1'), person('b1', 'f1', 'h1'), updateSetting('x', '1').update);
    await storage.createBoard(board('b2'), person('b2', 'f2', 'h2'), updateSetting('x', '2').update);
    const note = (boardId: string, noteId: string, participantId: string, createdAt: number) => ({
      boardId,
      noteId,
      participantId,
      areaId: 'a1',
      text: `text ${noteId}`,
      createdAt,
    });
    await storage.addPrivateNote(note('b1', 'n2', 'p1', 20));
    await storage.addPrivateNote(note('b1', 'n1', 'p1', 10));
    await storage.addPrivateNote(note('b1', 'n3', 'p2', 30));
    await storage.addPrivateNote(note('b2', 'n4', 'p1', 5));
    expect((await storage.listPrivateNotes('b1')).map((n) => n.noteId)).toEqual(['n1', 'n2', 'n3']);
    expect((await storage.listPrivateNotes('b1', 'p1')).map((n) => n.noteId)).toEqual(['n1', 'n2']);
    expect(await storage.getPrivateNote('b1', 'n4')).toBeUndefined();
    await storage.updatePrivateNote('b1', 'n1', 'sharper');
    expect(await storage.getPrivateNote('b1', 'n1')).toEqual({ ...note('b1', 'n1', 'p1', 10), text: 'sharper' });
    await storage.deletePrivateNotes('b1', ['n1', 'n3', 'missing']);
    expect((await storage.listPrivateNotes('b1')).map((n) => n.noteId)).toEqual(['n2']);
    expect((await storage.listPrivateNotes('b2')).map((n) => n.noteId)).toEqual(['n4']);
    storage.close();
  });

  it('keeps votes per board, person and note; a count of 0 removes the entry', async () => {
    const storage = await open();
    await storage.createBoard(board('b1'), person('b1', 'f1', 'h1'), updateSetting('x', '1').update);
    await storage.createBoard(board('b2'), person('b2', 'f2', 'h2'), updateSetting('x', '2').update);
    await storage.setVote({ boardId: 'b1', participantId: 'p1', noteId: 'n1', count: 2 });
    await storage.setVote({ boardId: 'b1', participantId: 'p1', noteId: 'n1', count: 3 });
    await storage.setVote({ boardId: 'b1', participantId: 'p2', noteId: 'n1', count: 1 });
    await storage.setVote({ boardId: 'b1', participantId: 'p2', noteId: 'n2', count: 1 });
    await storage.setVote({ boardId: 'b2', participantId: 'p1', noteId: 'n9', count: 1 });
    expect(await storage.listVotes('b1', 'p1')).toEqual([
      { boardId: 'b1', participantId: 'p1', noteId: 'n1', count: 3 },
    ]);
    expect((await storage.listVotes('b1')).map((v) => [v.participantId, v.noteId, v.count])).toEqual([
      ['p1', 'n1', 3],
      ['p2', 'n1', 1],
      ['p2', 'n2', 1],
    ]);
    await storage.setVote({ boardId: 'b1', participantId: 'p2', noteId: 'n1', count: 0 });
    expect((await storage.listVotes('b1', 'p2')).map((v) => v.noteId)).toEqual(['n2']);
    await storage.clearVotes('b1');
    expect(await storage.listVotes('b1')).toEqual([]);
    expect(await storage.listVotes('b2')).toHaveLength(1);
    storage.close();
  });

  it.skipIf(name !== 'sqlite')('makes a consistent backup that opens as a store', async () => {
    const storage = await open();
    await storage.createBoard(board('b1'), person('b1', 'f1', 'h1'), updateSetting('x', 'kept').update);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scopeboard-backup-'));
    await storage.backup(path.join(dir, 'scopeboard.sqlite'));
    storage.close();
    const copy = openSqliteStorage(dir);
    expect(
      replay(await copy.loadDoc('b1'))
        .getMap('m')
        .get('x'),
    ).toBe('kept');
    copy.close();
  });
});

describe.skipIf(!hasServices())('postgresql only', () => {
  it('refuses doc writes from a server whose epoch was taken over, in the same transaction', async () => {
    const first = await freshPostgres({ isFenced: true });
    const url = first.connectionString;
    const second = await openPostgresStorage(url, { isFenced: true });
    const start = updateSetting('a', '1');
    await first.createBoard(board('b1'), person('b1', 'f1', 'hf'), start.update);
    // Fenced and never claimed: no write at all.
    await expect(first.appendUpdates('b1', [updateSetting('x', '0').update])).rejects.toBeInstanceOf(FencedError);
    expect(await first.claimEpoch('b1')).toBe(1);
    await first.appendUpdates('b1', [updateSetting('b', '2', start.doc).update]);
    expect(await second.claimEpoch('b1')).toBe(2);
    await expect(first.appendUpdates('b1', [updateSetting('stale', 'yes').update])).rejects.toBeInstanceOf(FencedError);
    await expect(first.compact('b1', Y.encodeStateAsUpdate(start.doc), 1)).rejects.toBeInstanceOf(FencedError);
    await second.appendUpdates('b1', [updateSetting('c', '3', start.doc).update]);
    expect(
      replay(await second.loadDoc('b1'))
        .getMap('m')
        .toJSON(),
    ).toEqual({ a: '1', b: '2', c: '3' });
    first.close();
    second.close();
  });

  it('applies migrations once when several servers start together', async () => {
    const first = await freshPostgres();
    const url = first.connectionString;
    const others = await Promise.all([openPostgresStorage(url), openPostgresStorage(url)]);
    await first.createBoard(board('b1'), person('b1', 'f1', 'hf'), updateSetting('a', '1').update);
    expect((await others[0]!.getBoard('b1'))?.title).toBe('T');
    for (const store of [first, ...others]) store.close();
  });

  it('migrates a database at schema 1 in place: device columns added, rows kept', async () => {
    postgres ??= startPostgres();
    const url = await (await postgres).database(`contract_${process.pid}_${++databases}`);
    const old = new pg.Client({ connectionString: url });
    await old.connect();
    await old.query(PG_MIGRATIONS[0]!);
    await old.query(
      'CREATE TABLE scopeboard_schema (version INTEGER NOT NULL); INSERT INTO scopeboard_schema VALUES (1)',
    );
    await old.query(
      "INSERT INTO boards (board_id, title, template_id, created_at, facilitator_token_hash, join_code, observer_code) VALUES ('b1', 'T', 'ssr2-copenhagen', 1, 'h-b1', 'j', 'o')",
    );
    await old.query("INSERT INTO participants VALUES ('p1', 'b1', 'N', 'participant', 'hp', 2, FALSE)");
    await old.end();

    const storage = await openPostgresStorage(url);
    expect(await storage.getParticipant('b1', 'p1')).toEqual(person('b1', 'p1', 'hp'));
    await storage.addParticipant({ ...person('b1', 'p2', 'hq'), deviceHash: 'dev' });
    expect((await storage.getParticipant('b1', 'p2'))?.deviceHash).toBe('dev');
    await storage.blockDevice('b1', 'dev', 3);
    expect(await storage.isDeviceBlocked('b1', 'dev')).toBe(true);
    storage.close();
  });

  it('checks the CRC-32 of every row on load and in verifyAll; rows without one (older schema) are accepted', async () => {
    const storage = await freshPostgres();
    const url = storage.connectionString;
    const rot = updateSetting('a', '1');
    const old = updateSetting('a', '1');
    await storage.createBoard(board('rot'), person('rot', 'f1', 'h1'), rot.update);
    await storage.createBoard(board('old'), person('old', 'f2', 'h2'), old.update);
    await storage.appendUpdates('rot', [updateSetting('b', '2', rot.doc).update]);
    await storage.appendUpdates('old', [updateSetting('c', '3', old.doc).update]);
    const raw = new pg.Client({ connectionString: url });
    await raw.connect();
    const { rows } = await raw.query('SELECT checksum FROM updates UNION ALL SELECT checksum FROM snapshots');
    expect(rows.every((row: { checksum: string | null }) => row.checksum !== null)).toBe(true);
    await raw.query("UPDATE updates SET update_data = update_data || '\\x00'::bytea WHERE board_id = 'rot'");
    await raw.query("UPDATE updates SET checksum = NULL WHERE board_id = 'old'");
    await raw.query("UPDATE snapshots SET checksum = NULL WHERE board_id = 'old'");
    await raw.end();

    // A second server (a fresh store) finds it at start-up; the first finds it on load and remembers it.
    const other = await openPostgresStorage(url);
    expect((await other.verifyAll()).map((e) => [e.boardId, e.detail])).toEqual([
      ['rot', 'change 1 fails its checksum'],
    ]);
    other.close();
    await expect(storage.loadDoc('rot')).rejects.toBeInstanceOf(DamagedBoardError);
    await expect(storage.loadDoc('rot')).rejects.toThrow(/damaged \(change 1 fails its checksum\)/);
    expect(
      replay(await storage.loadDoc('old'))
        .getMap('m')
        .toJSON(),
    ).toEqual({ a: '1', c: '3' });
    storage.close();
  });

  it('backs up with pg_dump', async () => {
    const storage = await freshPostgres();
    await storage.createBoard(board('b1'), person('b1', 'f1', 'h1'), updateSetting('x', 'kept').update);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scopeboard-backup-')), 'dump');
    process.env.PG_DUMP ??= path.join(PG_BIN, 'pg_dump');
    await storage.backup(file);
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('PGDMP');
    storage.close();
  });
});

describe('sqlite migration', () => {
  it('opens a file written by schema 3, adds the device columns and keeps what was there', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scopeboard-schema3-'));
    const old = new Database(path.join(dir, 'scopeboard.sqlite'));
    old.exec(SCHEMA_3);
    const start = updateSetting('kept', 'yes');
    old.prepare("INSERT INTO boards VALUES ('b1', 'T', 'ssr2-copenhagen', 1, 'h-b1', 'j', 'o', 0)").run();
    old.prepare("INSERT INTO participants VALUES ('p1', 'b1', 'N', 'participant', 'hp', 2, 0)").run();
    old.prepare("INSERT INTO snapshots VALUES ('b1', ?, 0, NULL)").run(Buffer.from(start.update));
    old.pragma('user_version = 3');
    old.close();

    const storage = openSqliteStorage(dir);
    expect(await storage.getParticipant('b1', 'p1')).toEqual(person('b1', 'p1', 'hp'));
    expect(
      replay(await storage.loadDoc('b1'))
        .getMap('m')
        .get('kept'),
    ).toBe('yes');
    await storage.addParticipant({ ...person('b1', 'p2', 'hq'), deviceHash: 'dev' });
    expect((await storage.getParticipant('b1', 'p2'))?.deviceHash).toBe('dev');
    await storage.blockDevice('b1', 'dev', 3);
    expect(await storage.isDeviceBlocked('b1', 'dev')).toBe(true);
    storage.close();

    const reopened = new Database(path.join(dir, 'scopeboard.sqlite'));
    expect(reopened.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    reopened.close();
  });
});

describe('start-up checks', () => {
  it('says clearly when DATA_DIR is not writable', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scopeboard-')), 'a-file');
    fs.writeFileSync(file, 'x');
    expect(() => openSqliteStorage(path.join(file, 'sub'))).toThrow(/DATA_DIR .* is not a writable directory/);
  });

  it('refuses a file that is not a database', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scopeboard-'));
    fs.writeFileSync(path.join(dir, 'scopeboard.sqlite'), 'this is not sqlite'.repeat(100));
    expect(() => openSqliteStorage(dir)).toThrow(/cannot be used/);
  });
});
