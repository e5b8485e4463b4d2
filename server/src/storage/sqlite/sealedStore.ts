// Sealed input in SQLite: private notes and unrevealed votes.
import type Database from 'better-sqlite3';
import type { SealedStore } from '../SealedStore.ts';
import { toPrivateNote, toVote, type Row } from '../rows.ts';

export function sqliteSealedStore(db: Database.Database): SealedStore {
  const statements = {
    privateNotes: db.prepare<[string], Row>(
      'SELECT * FROM private_notes WHERE board_id = ? ORDER BY created_at, note_id',
    ),
    privateNotesOf: db.prepare<[string, string], Row>(
      'SELECT * FROM private_notes WHERE board_id = ? AND participant_id = ? ORDER BY created_at, note_id',
    ),
    privateNote: db.prepare<[string, string], Row>('SELECT * FROM private_notes WHERE board_id = ? AND note_id = ?'),
    insertPrivateNote: db.prepare(
      `INSERT INTO private_notes (board_id, note_id, participant_id, area_id, text, created_at)
       VALUES (@boardId, @noteId, @participantId, @areaId, @text, @createdAt)`,
    ),
    updatePrivateNote: db.prepare('UPDATE private_notes SET text = ? WHERE board_id = ? AND note_id = ?'),
    deletePrivateNote: db.prepare('DELETE FROM private_notes WHERE board_id = ? AND note_id = ?'),
    votes: db.prepare<[string], Row>('SELECT * FROM votes WHERE board_id = ? ORDER BY participant_id, note_id'),
    votesOf: db.prepare<[string, string], Row>(
      'SELECT * FROM votes WHERE board_id = ? AND participant_id = ? ORDER BY note_id',
    ),
    upsertVote: db.prepare(
      `INSERT INTO votes (board_id, participant_id, note_id, count) VALUES (@boardId, @participantId, @noteId, @count)
       ON CONFLICT(board_id, participant_id, note_id) DO UPDATE SET count = excluded.count`,
    ),
    deleteVote: db.prepare('DELETE FROM votes WHERE board_id = ? AND participant_id = ? AND note_id = ?'),
    clearVotes: db.prepare('DELETE FROM votes WHERE board_id = ?'),
  };

  return {
    async listPrivateNotes(boardId, participantId) {
      const rows =
        participantId === undefined
          ? statements.privateNotes.all(boardId)
          : statements.privateNotesOf.all(boardId, participantId);
      return rows.map(toPrivateNote);
    },
    async getPrivateNote(boardId, noteId) {
      const row = statements.privateNote.get(boardId, noteId);
      return row ? toPrivateNote(row) : undefined;
    },
    async addPrivateNote(note) {
      statements.insertPrivateNote.run(note);
    },
    async updatePrivateNote(boardId, noteId, text) {
      statements.updatePrivateNote.run(text, boardId, noteId);
    },
    async deletePrivateNotes(boardId, noteIds) {
      db.transaction(() => {
        for (const noteId of noteIds) statements.deletePrivateNote.run(boardId, noteId);
      })();
    },
    async listVotes(boardId, participantId) {
      const rows =
        participantId === undefined ? statements.votes.all(boardId) : statements.votesOf.all(boardId, participantId);
      return rows.map(toVote);
    },
    async setVote(vote) {
      if (vote.count > 0) statements.upsertVote.run(vote);
      else statements.deleteVote.run(vote.boardId, vote.participantId, vote.noteId);
    },
    async clearVotes(boardId) {
      statements.clearVotes.run(boardId);
    },
  };
}
