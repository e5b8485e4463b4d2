// The browser's provider reads the server's sync messages without Yjs encoding them again for its own 'update'
// handler, and every local change still reaches the server, one made while such a message is read included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { startServer, type RunningServer } from '../helpers/startServer.ts';
import { command, createBoard, join } from '../helpers/api.ts';
import { connect, type TestClient } from '../helpers/clients.ts';
import { addNote } from '@shared/doc/ops.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import { boardMaps } from '@shared/doc/boardDoc.ts';
import { skipEchoEncoding } from '../../client/src/sync/skipEchoEncoding.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

/** The names of the events `doc` emits, in order ('update' is emitted only after Yjs encoded the transaction). */
function emitted(doc: Y.Doc): string[] {
  const names: string[] = [];
  const emit = doc.emit.bind(doc);
  doc.emit = (name, args) => {
    names.push(name);
    emit(name, args);
  };
  return names;
}

/** A posting board, Ana's stock client, and Bo's client with its sync messages wrapped (its events recorded). */
async function room() {
  const board = await createBoard(server.baseUrl);
  await command(server.baseUrl, board.boardId, board.facilitatorToken, { type: 'startPhase', phase: 'post' });
  const ana = await join(server.baseUrl, board.boardId, board.joinCode, 'Ana');
  const bo = await join(server.baseUrl, board.boardId, board.joinCode, 'Bo');
  const a = connect(server.wsUrl, board.boardId, ana.token);
  const b = connect(server.wsUrl, board.boardId, bo.token, { connect: false });
  skipEchoEncoding(b.provider);
  const events = emitted(b.doc);
  b.provider.connect();
  await Promise.all([a.synced(), b.synced()]);
  const author = (who: typeof ana, name: string) => ({ id: who.participantId, name, role: 'participant' as const });
  return { ana: author(ana, 'Ana'), bo: author(bo, 'Bo'), a, b, events };
}

const texts = (client: TestClient) => readBoard(client.doc).notes.map((n) => n.text);

describe('sync messages read without echo encoding', () => {
  it('applies the board and later notes without an update event, and still sends its own changes', async () => {
    const { ana, bo, a, b, events } = await room();
    expect(readBoard(b.doc).areas.length).toBeGreaterThan(0);
    addNote(a.doc, { areaId: 'ex1-a1', text: 'From Ana', author: ana, createdAt: 1 });
    await expect.poll(() => texts(b)).toEqual(['From Ana']);
    // The doc changed (afterTransaction) without Yjs encoding any of the server's updates for 'update'.
    expect(events).toContain('afterTransaction');
    expect(events).not.toContain('update');

    addNote(b.doc, { areaId: 'ex1-a2', text: 'From Bo', author: bo, createdAt: 2 });
    expect(events).toContain('update');
    await expect.poll(() => texts(a)).toEqual(['From Ana', 'From Bo']);
    a.destroy();
    b.destroy();
  });

  it('sends a local change made while a server update is being read', async () => {
    const { ana, bo, a, b } = await room();
    // An observer that answers a remote note with a note of its own, inside the server update's transaction cleanup.
    boardMaps(b.doc).notes.observe((event) => {
      if (event.transaction.origin !== b.provider) return;
      addNote(b.doc, { areaId: 'ex1-a2', text: 'Answer', author: bo, createdAt: 3 });
    });
    addNote(a.doc, { areaId: 'ex1-a1', text: 'Question', author: ana, createdAt: 1 });
    await expect.poll(() => texts(a)).toEqual(['Question', 'Answer']);
    a.destroy();
    b.destroy();
  });
});
