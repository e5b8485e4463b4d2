// Two stock y-websocket clients sync notes through the real server; a restart keeps them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/startServer.ts';
import { command, createBoard, join } from '../helpers/api.ts';
import { connect } from '../helpers/clients.ts';
import { addNote, moveNote } from '@shared/doc/ops.ts';
import { readBoard } from '@shared/doc/readBoard.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

/** A board in the post phase with Ana and the facilitator connected as stock y-websocket clients. */
async function postingRoom() {
  const board = await createBoard(server.baseUrl);
  await command(server.baseUrl, board.boardId, board.facilitatorToken, { type: 'startPhase', phase: 'post' });
  const ana = await join(server.baseUrl, board.boardId, board.joinCode, 'Ana');
  const a = connect(server.wsUrl, board.boardId, ana.token);
  const f = connect(server.wsUrl, board.boardId, board.facilitatorToken);
  await Promise.all([a.synced(), f.synced()]);
  return { board, ana, a, f };
}

describe('sync through our server', () => {
  it('a note posted by one client reaches another, and survives a restart', async () => {
    const board = await createBoard(server.baseUrl, 'Sync test');
    const ana = await join(server.baseUrl, board.boardId, board.joinCode, 'Ana');
    const bo = await join(server.baseUrl, board.boardId, board.joinCode, 'Bo');
    const started = await command(server.baseUrl, board.boardId, board.facilitatorToken, {
      type: 'startPhase',
      phase: 'post',
    });
    expect(started.status).toBe(200);

    const a = connect(server.wsUrl, board.boardId, ana.token);
    const b = connect(server.wsUrl, board.boardId, bo.token);
    await Promise.all([a.synced(), b.synced()]);
    expect(readBoard(b.doc).areas.filter((area) => area.exerciseId === 'ex1')).toHaveLength(5);

    const posted = addNote(a.doc, {
      areaId: 'ex1-a1',
      text: 'Who tests the root zone contingency plan?',
      author: { id: ana.participantId, name: 'Ana', role: 'participant' },
      createdAt: Date.now(),
    });
    expect(posted.ok).toBe(true);
    await expect
      .poll(() => readBoard(b.doc).notes.map((n) => n.text))
      .toEqual(['Who tests the root zone contingency plan?']);
    a.destroy();
    b.destroy();

    await server.stop();
    await server.restart();
    const c = connect(server.wsUrl, board.boardId, bo.token);
    await c.synced();
    const notes = readBoard(c.doc).notes;
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ authorId: ana.participantId, authorName: 'Ana', areaId: 'ex1-a1' });
    c.destroy();
  });

  it('an open client reconnects by itself after a restart and keeps syncing', async () => {
    const { ana, a, f } = await postingRoom();

    await server.stop();
    await server.restart();
    await expect.poll(() => a.provider.wsconnected && f.provider.wsconnected, { timeout: 10_000 }).toBe(true);
    addNote(a.doc, {
      areaId: 'ex1-a2',
      text: 'After restart',
      author: { id: ana.participantId, name: 'Ana', role: 'participant' },
      createdAt: 1,
    });
    await expect.poll(() => readBoard(f.doc).notes.map((n) => n.text), { timeout: 10_000 }).toEqual(['After restart']);
    a.destroy();
    f.destroy();
  });

  it('a note moved by drag-and-drop is written once, with its new area', async () => {
    const { ana, a, f } = await postingRoom();
    const note = addNote(a.doc, {
      areaId: 'ex1-a1',
      text: 'Move me',
      author: { id: ana.participantId, name: 'Ana', role: 'participant' },
      createdAt: 1,
    });
    if (!note.ok) throw new Error(note.reason);
    expect(moveNote(a.doc, note.value.id, { x: 700, y: 120, areaId: 'ex1-a3' }).ok).toBe(true);
    await expect.poll(() => readBoard(f.doc).notes[0]).toMatchObject({ areaId: 'ex1-a3', x: 700, y: 120 });
    a.destroy();
    f.destroy();
  });
});

describe('changes sent just before a socket closes', () => {
  it('are still guarded and stored (a phone locking right after posting)', async () => {
    const { default: WebSocket } = await import('ws');
    const Y = await import('yjs');
    const { encodeUpdate } = await import('../../server/src/rooms/messages.ts');
    const board = await createBoard(server.baseUrl);
    await command(server.baseUrl, board.boardId, board.facilitatorToken, { type: 'startPhase', phase: 'post' });
    const ana = await join(server.baseUrl, board.boardId, board.joinCode, 'Ana');
    const texts = Array.from({ length: 10 }, (_, i) => `Posted as the screen locked ${i}`);
    const reader = connect(server.wsUrl, board.boardId, ana.token);
    await reader.synced();
    const boardState = Y.encodeStateAsUpdate(reader.doc);
    reader.destroy();
    for (const text of texts) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, boardState);
      let update: Uint8Array = new Uint8Array();
      doc.on('update', (u: Uint8Array) => (update = u));
      addNote(doc as never, {
        areaId: 'ex1-a1',
        text,
        author: { id: ana.participantId, name: 'Ana', role: 'participant' },
        createdAt: 1,
      });
      await new Promise<void>((resolve, reject) => {
        const socket = new WebSocket(`${server.wsUrl}/ws/${board.boardId}?token=${ana.token}`);
        socket.on('open', () => {
          socket.send(encodeUpdate(update));
          socket.close();
        });
        socket.on('close', () => resolve());
        socket.on('error', reject);
      });
    }
    const check = connect(server.wsUrl, board.boardId, board.facilitatorToken);
    await check.synced();
    await expect
      .poll(() =>
        readBoard(check.doc)
          .notes.map((n) => n.text)
          .sort(),
      )
      .toEqual([...texts].sort());
    check.destroy();
  });
});
