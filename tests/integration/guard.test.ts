// The server enforces roles and phases: each forbidden write from a stock y-websocket client is refused with 4403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startInProcess, type InProcessServer } from '../helpers/inProcess.ts';
import { command, createBoard, join, type CreatedBoard } from '../helpers/api.ts';
import { connect, rawClose, type TestClient } from '../helpers/clients.ts';
import { addNote, deleteNote, editNote } from '@shared/doc/ops.ts';
import { boardMaps } from '@shared/doc/boardDoc.ts';
import { readBoard } from '@shared/doc/readBoard.ts';

let server: InProcessServer;
beforeAll(async () => {
  server = await startInProcess();
});
afterAll(async () => {
  await server?.close();
});

interface Room {
  board: CreatedBoard;
  ana: { participantId: string; token: string };
  bo: { participantId: string; token: string };
  olga: { participantId: string; token: string };
  anaNoteId: string;
}

/** A board in the post phase with one note by Ana. */
async function room(phase: 'post' | 'group' | 'setup' = 'post'): Promise<Room> {
  const board = await createBoard(server.baseUrl);
  const ana = await join(server.baseUrl, board.boardId, board.joinCode, 'Ana');
  const bo = await join(server.baseUrl, board.boardId, board.joinCode, 'Bo');
  const olga = await join(server.baseUrl, board.boardId, board.observerCode, 'Olga');
  expect(
    (await command(server.baseUrl, board.boardId, board.facilitatorToken, { type: 'startPhase', phase: 'post' }))
      .status,
  ).toBe(200);
  const client = await synced(board, ana.token);
  const note = addNote(client.doc, {
    areaId: 'ex1-a1',
    text: 'Ana’s idea',
    author: { id: ana.participantId, name: 'Ana', role: 'participant' },
    createdAt: 1,
  });
  if (!note.ok) throw new Error(note.reason);
  const watcher = await synced(board, board.facilitatorToken);
  await expect.poll(() => readBoard(watcher.doc).notes.length).toBe(1);
  client.destroy();
  watcher.destroy();
  if (phase === 'group') await command(server.baseUrl, board.boardId, board.facilitatorToken, { type: 'nextPhase' });
  if (phase === 'setup') {
    // Undoing the start of posting puts the board back in setup, with the note posted meanwhile still on it.
    expect(
      (await command(server.baseUrl, board.boardId, board.facilitatorToken, { type: 'undoPhaseChange' })).json.session
        .phase,
    ).toBe('setup');
  }
  return { board, ana, bo, olga, anaNoteId: note.value.id };
}

async function synced(board: CreatedBoard, token: string): Promise<TestClient> {
  const client = connect(server.wsUrl, board.boardId, token);
  await client.synced();
  return client;
}

/** Connects with `token`, makes `write` on the synced doc, and returns the close the server answered with. */
async function attempt(r: Room, token: string, write: (doc: Y.Doc) => void) {
  const client = await synced(r.board, token);
  write(client.doc);
  await expect.poll(() => client.closes.length).toBeGreaterThan(0);
  client.destroy();
  return client.closes[0]!;
}

/** What a fresh facilitator client reads from the server. */
async function serverBoard(r: Room) {
  const client = await synced(r.board, r.board.facilitatorToken);
  const board = readBoard(client.doc);
  const raw = { session: boardMaps(client.doc).session.toJSON(), meta: boardMaps(client.doc).meta.toJSON() };
  client.destroy();
  return { board, raw };
}

const asMap = (fields: Record<string, unknown>) => {
  const map = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) map.set(k, v);
  return map;
};

describe('forbidden writes are refused with 4403 and leave the board unchanged', () => {
  it('a participant writing session', async () => {
    const r = await room();
    const closed = await attempt(r, r.ana.token, (doc) => boardMaps(doc).session.set('phase', 'closed'));
    expect(closed.code).toBe(4403);
    expect((await serverBoard(r)).board.session.phase).toBe('post');
  });

  it('the facilitator writing session through the socket (commands go over HTTP)', async () => {
    const r = await room();
    const closed = await attempt(r, r.board.facilitatorToken, (doc) => boardMaps(doc).session.set('endsAt', 1));
    expect(closed.code).toBe(4403);
  });

  it('a participant writing meta, exercises or areas', async () => {
    const r = await room();
    expect((await attempt(r, r.ana.token, (doc) => boardMaps(doc).meta.set('title', 'Hijacked'))).code).toBe(4403);
    expect((await attempt(r, r.ana.token, (doc) => boardMaps(doc).exercises.get('ex1')!.set('title', 'X'))).code).toBe(
      4403,
    );
    expect((await attempt(r, r.ana.token, (doc) => boardMaps(doc).areas.get('ex1-a1')!.set('title', 'X'))).code).toBe(
      4403,
    );
    expect(
      (
        await attempt(r, r.ana.token, (doc) =>
          boardMaps(doc).areas.set(
            'new',
            asMap({ id: 'new', exerciseId: 'ex1', title: 'Extra', description: '', order: 9 }),
          ),
        )
      ).code,
    ).toBe(4403);
    const after = (await serverBoard(r)).board;
    expect(after.meta?.title).toBe('Test board');
    expect(after.areas.map((a) => a.title)).not.toContain('X');
    expect(after.areas).toHaveLength(10);
  });

  it('editing or deleting another person’s note', async () => {
    const r = await room();
    const edit = await attempt(r, r.bo.token, (doc) => editNote(doc, r.anaNoteId, 'Bo rewrote this'));
    expect(edit.code).toBe(4403);
    expect(edit.reason).toMatch(/own/i);
    expect((await attempt(r, r.bo.token, (doc) => deleteNote(doc, r.anaNoteId))).code).toBe(4403);
    expect((await serverBoard(r)).board.notes.map((n) => n.text)).toEqual(['Ana’s idea']);
  });

  it('posting with someone else’s authorId', async () => {
    const r = await room();
    const closed = await attempt(r, r.bo.token, (doc) =>
      addNote(doc, {
        areaId: 'ex1-a1',
        text: 'Pretending',
        author: { id: r.ana.participantId, name: 'Ana', role: 'participant' },
        createdAt: 2,
      }),
    );
    expect(closed.code).toBe(4403);
    expect((await serverBoard(r)).board.notes).toHaveLength(1);
  });

  it('posting in a phase that forbids it (setup, group)', async () => {
    for (const phase of ['setup', 'group'] as const) {
      const r = await room(phase);
      const closed = await attempt(r, r.bo.token, (doc) =>
        addNote(doc, {
          areaId: 'ex1-a2',
          text: 'Too late',
          author: { id: r.bo.participantId, name: 'Bo', role: 'participant' },
          createdAt: 2,
        }),
      );
      expect(closed.code).toBe(4403);
      expect((await serverBoard(r)).board.notes).toHaveLength(1);
    }
  });

  it('an observer writing, unless the facilitator lets observers post', async () => {
    const r = await room();
    const post = (doc: Y.Doc) =>
      addNote(doc, {
        areaId: 'ex1-a3',
        text: 'Observer view',
        author: { id: r.olga.participantId, name: 'Olga', role: 'observer' },
        createdAt: 3,
      });
    expect((await attempt(r, r.olga.token, post)).code).toBe(4403);
    expect((await serverBoard(r)).board.notes).toHaveLength(1);

    const allowed = await command(server.baseUrl, r.board.boardId, r.board.facilitatorToken, {
      type: 'setObserversMayPost',
      allowed: true,
    });
    expect(allowed.status).toBe(200);
    const olga = await synced(r.board, r.olga.token);
    expect(post(olga.doc).ok).toBe(true);
    await expect
      .poll(async () => (await serverBoard(r)).board.notes.find((n) => n.authorRole === 'observer')?.text)
      .toBe('Observer view');
    expect(olga.closes).toEqual([]);
    olga.destroy();
  });

  it('anyone but the facilitator writing to a closed board', async () => {
    const r = await room();
    expect((await command(server.baseUrl, r.board.boardId, r.board.facilitatorToken, { type: 'close' })).status).toBe(
      200,
    );
    expect((await attempt(r, r.ana.token, (doc) => editNote(doc, r.anaNoteId, 'Changed after close'))).code).toBe(4403);
    const facilitator = await synced(r.board, r.board.facilitatorToken);
    expect(editNote(facilitator.doc, r.anaNoteId, 'Facilitator tidied the wording').ok).toBe(true);
    await expect.poll(async () => (await serverBoard(r)).board.notes[0]?.text).toBe('Facilitator tidied the wording');
    facilitator.destroy();
  });

  it('a removed participant is disconnected at once and cannot reconnect', async () => {
    const r = await room();
    const bo = await synced(r.board, r.bo.token);
    const removed = await command(server.baseUrl, r.board.boardId, r.board.facilitatorToken, {
      type: 'removeParticipant',
      participantId: r.bo.participantId,
    });
    expect(removed.status).toBe(200);
    await expect.poll(() => bo.closes[0]?.code).toBe(4401);
    bo.destroy();
    expect((await rawClose(`${server.wsUrl}/ws/${r.board.boardId}?token=${r.bo.token}`)).code).toBe(4401);
  });

  it('a refused client does not affect the others on the board', async () => {
    const r = await room();
    const ana = await synced(r.board, r.ana.token);
    await attempt(r, r.bo.token, (doc) => boardMaps(doc).session.set('phase', 'closed'));
    addNote(ana.doc, {
      areaId: 'ex1-a1',
      text: 'Still here',
      author: { id: r.ana.participantId, name: 'Ana', role: 'participant' },
      createdAt: 5,
    });
    await expect.poll(async () => (await serverBoard(r)).board.notes.length).toBe(2);
    expect(ana.closes).toEqual([]);
    ana.destroy();
  });
});
