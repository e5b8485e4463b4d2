// The board directory in PostgreSQL: boards, participants and blocked devices.
import type pg from 'pg';
import type { BoardDirectory, ParticipantRecord } from '../BoardDirectory.ts';
import { crc32 } from '../integrity.ts';
import { toBoard, toParticipant } from '../rows.ts';
import type { PgConnection } from './connection.ts';

async function insertParticipant(client: pg.PoolClient | pg.Pool, p: ParticipantRecord): Promise<void> {
  await client.query(
    `INSERT INTO participants (participant_id, board_id, name, role, token_hash, joined_at, is_removed, device_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [p.participantId, p.boardId, p.name, p.role, p.tokenHash, p.joinedAt, p.isRemoved, p.deviceHash ?? null],
  );
}

export function postgresBoardDirectory(connection: PgConnection): BoardDirectory {
  const rows = connection.rows.bind(connection);
  const first = async (sql: string, params: unknown[]) => (await rows(sql, params))[0];

  return {
    async createBoard(board, facilitator, initialUpdate) {
      const doc = Buffer.from(initialUpdate);
      await connection.transaction(async (client) => {
        await client.query(
          `INSERT INTO boards (board_id, title, template_id, created_at, facilitator_token_hash, join_code, observer_code, is_archived)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
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
        await insertParticipant(client, facilitator);
        await client.query('INSERT INTO snapshots (board_id, doc, up_to_seq, checksum) VALUES ($1, $2, 0, $3)', [
          board.boardId,
          doc,
          crc32(doc),
        ]);
      });
    },
    async getBoard(boardId) {
      const row = await first('SELECT * FROM boards WHERE board_id = $1', [boardId]);
      return row ? toBoard(row) : undefined;
    },
    async listBoards() {
      return (await rows('SELECT * FROM boards ORDER BY created_at, board_id')).map(toBoard);
    },
    async setJoinCode(boardId, joinCode) {
      await rows('UPDATE boards SET join_code = $1 WHERE board_id = $2', [joinCode, boardId]);
    },
    async setObserverCode(boardId, observerCode) {
      await rows('UPDATE boards SET observer_code = $1 WHERE board_id = $2', [observerCode, boardId]);
    },
    async setArchived(boardId, isArchived) {
      await rows('UPDATE boards SET is_archived = $1 WHERE board_id = $2', [isArchived, boardId]);
    },
    async addParticipant(participant) {
      await insertParticipant(connection.pool, participant);
    },
    async findParticipantByTokenHash(boardId, tokenHash) {
      const row = await first('SELECT * FROM participants WHERE board_id = $1 AND token_hash = $2', [
        boardId,
        tokenHash,
      ]);
      return row ? toParticipant(row) : undefined;
    },
    async getParticipant(boardId, participantId) {
      const row = await first('SELECT * FROM participants WHERE board_id = $1 AND participant_id = $2', [
        boardId,
        participantId,
      ]);
      return row ? toParticipant(row) : undefined;
    },
    async removeParticipant(boardId, participantId) {
      await rows('UPDATE participants SET is_removed = TRUE WHERE board_id = $1 AND participant_id = $2', [
        boardId,
        participantId,
      ]);
    },
    async blockDevice(boardId, deviceHash, at) {
      await rows(
        'INSERT INTO blocked_devices (board_id, device_hash, blocked_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [boardId, deviceHash, at],
      );
    },
    async isDeviceBlocked(boardId, deviceHash) {
      const row = await first('SELECT 1 FROM blocked_devices WHERE board_id = $1 AND device_hash = $2', [
        boardId,
        deviceHash,
      ]);
      return row !== undefined;
    },
  };
}
