// A board loaded from the store answers its first joiner with the stored snapshot and the log after it, as read:
// the joiner holds exactly the board the server holds, the log's edits and deletions of snapshot notes included.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote, deleteNote, editNote } from '@shared/doc/ops.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import { command, createBoard, join } from '../helpers/api.ts';
import { connect } from '../helpers/clients.ts';
import { startServer, type RunningServer } from '../helpers/startServer.ts';

let server: RunningServer;
beforeAll(async () => {
  // Rooms unload (and compact into a snapshot) soon after their last client leaves.
  server = await startServer({ env: { ROOM_IDLE_MS: '200' } });
});
afterAll(async () => {
  await server?.stop();
});

/** What the store holds for a board: whether it has a snapshot, and how many log entries follow it. */
function stored(boardId: string): { hasSnapshot: boolean; logEntries: number } {
  const db = new Database(path.join(server.dataDir, 'scopeboard.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const snapshot = db.prepare('SELECT up_to_seq FROM snapshots WHERE board_id = ?').get(boardId);
    const after = db.prepare('SELECT COUNT(*) AS n FROM updates WHERE board_id = ?').get(boardId) as { n: number };
    return { hasSnapshot: snapshot !== undefined, logEntries: after.n };
  } finally {
    db.close();
  }
}

const texts = (doc: Parameters<typeof readBoard>[0]) =>
  readBoard(doc)
    .notes.map((note) => note.text)
    .sort();

describe('the answer of a loaded board', () => {
  it('gives a fresh joiner the snapshot and the log after it, and they make the board as the server holds it', async () => {
    const board = await createBoard(server.baseUrl, 'Loaded answer');
    await command(server.baseUrl, board.boardId, board.facilitatorToken, { type: 'startPhase', phase: 'post' });
    const ana = await join(server.baseUrl, board.boardId, board.joinCode, 'Ana');
    const author = { id: ana.participantId, name: 'Ana', role: 'participant' as const };
    const post = (doc: Parameters<typeof addNote>[0], text: string) => {
      const posted = addNote(doc, { areaId: 'ex1-a1', text, author, createdAt: Date.now() });
      if (!posted.ok) throw new Error(posted.reason);
      return posted.value.id;
    };

    const first = connect(server.wsUrl, board.boardId, ana.token);
    await first.synced();
    const kept = post(first.doc, 'Kept, then edited');
    const removed = post(first.doc, 'Posted, then deleted');
    first.destroy();
    // The room unloads, compacting as it goes: both notes are in the snapshot, and no log follows it.
    await expect.poll(() => stored(board.boardId), { timeout: 10_000 }).toEqual({ hasSnapshot: true, logEntries: 0 });

    const second = connect(server.wsUrl, board.boardId, ana.token);
    await second.synced();
    expect(texts(second.doc)).toEqual(['Kept, then edited', 'Posted, then deleted']);
    expect(editNote(second.doc, kept, 'Edited after the snapshot').ok).toBe(true);
    expect(deleteNote(second.doc, removed).ok).toBe(true);
    post(second.doc, 'Posted after the snapshot');
    const watcher = connect(server.wsUrl, board.boardId, board.facilitatorToken);
    await expect.poll(() => texts(watcher.doc)).toEqual(['Edited after the snapshot', 'Posted after the snapshot']);
    // A crash keeps the log after the snapshot as it is: the restarted server loads both.
    await server.kill();
    expect(stored(board.boardId).logEntries).toBeGreaterThan(0);
    second.destroy();
    watcher.destroy();
    await server.restart();

    const fresh = connect(server.wsUrl, board.boardId, board.facilitatorToken);
    await fresh.synced();
    expect(texts(fresh.doc)).toEqual(['Edited after the snapshot', 'Posted after the snapshot']);
    // A second joiner, served the same shared answer, and a note posted meanwhile.
    post(fresh.doc, 'Posted after the load');
    const later = connect(server.wsUrl, board.boardId, ana.token);
    await later.synced();
    await expect
      .poll(() => texts(later.doc))
      .toEqual(['Edited after the snapshot', 'Posted after the load', 'Posted after the snapshot']);
    fresh.destroy();
    later.destroy();
  });
});
