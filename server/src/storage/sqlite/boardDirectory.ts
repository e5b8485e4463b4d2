// The board directory in SQLite: boards, participants and blocked devices.
import type Database from 'better-sqlite3';
import type { BoardDirectory, BoardRecord, ParticipantRecord } from '../BoardDirectory.ts';
import { crc32 } from '../integrity.ts';
import { toBoard, toParticipant, type Row } from '../rows.ts';

const participantParams = (p: ParticipantRecord) => ({
  ...p,
  isRemoved: p.isRemoved ? 1 : 0,
  deviceHash: p.deviceHash ?? null,
});

export function sqliteBoardDirectory(db: Database.Database): BoardDirectory {
  const statements = {
    insertBoard: db.prepare(
      `INSERT INTO boards (board_id, title, template_id, created_at, facilitator_token_hash, join_code, observer_code, is_archived)
       VALUES (@boardId, @title, @templateId, @createdAt, @facilitatorTokenHash, @joinCode, @observerCode, @isArchived)`,
    ),
    insertSnapshot: db.prepare('INSERT INTO snapshots (board_id, doc, up_to_seq, checksum) VALUES (?, ?, 0, ?)'),
    getBoard: db.prepare<[string], Row>('SELECT * FROM boards WHERE board_id = ?'),
    listBoards: db.prepare<[], Row>('SELECT * FROM boards ORDER BY created_at, board_id'),
    setJoinCode: db.prepare('UPDATE boards SET join_code = ? WHERE board_id = ?'),
    setObserverCode: db.prepare('UPDATE boards SET observer_code = ? WHERE board_id = ?'),
    setArchived: db.prepare('UPDATE boards SET is_archived = ? WHERE board_id = ?'),
    insertParticipant: db.prepare(
      `INSERT INTO participants (participant_id, board_id, name, role, token_hash, joined_at, is_removed, device_hash)
       VALUES (@participantId, @boardId, @name, @role, @tokenHash, @joinedAt, @isRemoved, @deviceHash)`,
    ),
    byToken: db.prepare<[string, string], Row>('SELECT * FROM participants WHERE board_id = ? AND token_hash = ?'),
    byId: db.prepare<[string, string], Row>('SELECT * FROM participants WHERE board_id = ? AND participant_id = ?'),
    remove: db.prepare('UPDATE participants SET is_removed = 1 WHERE board_id = ? AND participant_id = ?'),
    blockDevice: db.prepare(
      'INSERT INTO blocked_devices (board_id, device_hash, blocked_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    isBlocked: db.prepare<[string, string], Row>(
      'SELECT 1 AS one FROM blocked_devices WHERE board_id = ? AND device_hash = ?',
    ),
  };

  return {
    async createBoard(board: BoardRecord, facilitator: ParticipantRecord, initialUpdate: Uint8Array) {
      const doc = Buffer.from(initialUpdate);
      db.transaction(() => {
        statements.insertBoard.run({ ...board, isArchived: board.isArchived ? 1 : 0 });
        statements.insertParticipant.run(participantParams(facilitator));
        statements.insertSnapshot.run(board.boardId, doc, crc32(doc));
      })();
    },
    async getBoard(boardId) {
      const row = statements.getBoard.get(boardId);
      return row ? toBoard(row) : undefined;
    },
    async listBoards() {
      return statements.listBoards.all().map(toBoard);
    },
    async setJoinCode(boardId, joinCode) {
      statements.setJoinCode.run(joinCode, boardId);
    },
    async setObserverCode(boardId, observerCode) {
      statements.setObserverCode.run(observerCode, boardId);
    },
    async setArchived(boardId, isArchived) {
      statements.setArchived.run(isArchived ? 1 : 0, boardId);
    },
    async addParticipant(participant) {
      statements.insertParticipant.run(participantParams(participant));
    },
    async findParticipantByTokenHash(boardId, tokenHash) {
      const row = statements.byToken.get(boardId, tokenHash);
      return row ? toParticipant(row) : undefined;
    },
    async getParticipant(boardId, participantId) {
      const row = statements.byId.get(boardId, participantId);
      return row ? toParticipant(row) : undefined;
    },
    async removeParticipant(boardId, participantId) {
      statements.remove.run(boardId, participantId);
    },
    async blockDevice(boardId, deviceHash, at) {
      statements.blockDevice.run(boardId, deviceHash, at);
    },
    async isDeviceBlocked(boardId, deviceHash) {
      return statements.isBlocked.get(boardId, deviceHash) !== undefined;
    },
  };
}
