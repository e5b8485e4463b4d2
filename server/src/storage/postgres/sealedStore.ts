// Sealed input in PostgreSQL: private notes and unrevealed votes.
import type { SealedStore } from '../SealedStore.ts';
import { toPrivateNote, toVote } from '../rows.ts';
import type { PgConnection } from './connection.ts';

export function postgresSealedStore(connection: PgConnection): SealedStore {
  const rows = connection.rows.bind(connection);

  return {
    async listPrivateNotes(boardId, participantId) {
      const found =
        participantId === undefined
          ? await rows('SELECT * FROM private_notes WHERE board_id = $1 ORDER BY created_at, note_id', [boardId])
          : await rows(
              'SELECT * FROM private_notes WHERE board_id = $1 AND participant_id = $2 ORDER BY created_at, note_id',
              [boardId, participantId],
            );
      return found.map(toPrivateNote);
    },
    async getPrivateNote(boardId, noteId) {
      const [row] = await rows('SELECT * FROM private_notes WHERE board_id = $1 AND note_id = $2', [boardId, noteId]);
      return row ? toPrivateNote(row) : undefined;
    },
    async addPrivateNote(note) {
      await rows(
        `INSERT INTO private_notes (board_id, note_id, participant_id, area_id, text, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [note.boardId, note.noteId, note.participantId, note.areaId, note.text, note.createdAt],
      );
    },
    async updatePrivateNote(boardId, noteId, text) {
      await rows('UPDATE private_notes SET text = $1 WHERE board_id = $2 AND note_id = $3', [text, boardId, noteId]);
    },
    async deletePrivateNotes(boardId, noteIds) {
      await rows('DELETE FROM private_notes WHERE board_id = $1 AND note_id = ANY($2::text[])', [
        boardId,
        [...noteIds],
      ]);
    },
    async listVotes(boardId, participantId) {
      const found =
        participantId === undefined
          ? await rows('SELECT * FROM votes WHERE board_id = $1 ORDER BY participant_id, note_id', [boardId])
          : await rows('SELECT * FROM votes WHERE board_id = $1 AND participant_id = $2 ORDER BY note_id', [
              boardId,
              participantId,
            ]);
      return found.map(toVote);
    },
    async setVote(vote) {
      if (vote.count > 0) {
        await rows(
          `INSERT INTO votes (board_id, participant_id, note_id, count) VALUES ($1, $2, $3, $4)
           ON CONFLICT (board_id, participant_id, note_id) DO UPDATE SET count = excluded.count`,
          [vote.boardId, vote.participantId, vote.noteId, vote.count],
        );
      } else {
        await rows('DELETE FROM votes WHERE board_id = $1 AND participant_id = $2 AND note_id = $3', [
          vote.boardId,
          vote.participantId,
          vote.noteId,
        ]);
      }
    },
    async clearVotes(boardId) {
      await rows('DELETE FROM votes WHERE board_id = $1', [boardId]);
    },
  };
}
