// Discussion over the real server: comments and hand-offs from stock y-websocket clients, refused (4403) where the rules say.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startInProcess, type InProcessServer } from '../helpers/inProcess.ts';
import { command, createBoard, join, type CreatedBoard } from '../helpers/api.ts';
import { connect, type TestClient } from '../helpers/clients.ts';
import { addComment, addHandoff, deleteComment } from '@shared/doc/commentOps.ts';
import { addNote, createGroup, editNote, renameGroup } from '@shared/doc/ops.ts';
import { readBoard } from '@shared/doc/readBoard.ts';

/** Generous: the suite shares two cores with the others. */
const POLL = { timeout: 10_000 };

let server: InProcessServer;
beforeAll(async () => {
  server = await startInProcess();
});
afterAll(async () => {
  await server?.close();
});

type Person = { participantId: string; token: string };
interface Room {
  board: CreatedBoard;
  ana: Person;
  bo: Person;
  olga: Person;
  noteId: string;
}

const author = (person: Person, name: string) => ({ id: person.participantId, name, role: 'participant' as const });

async function synced(board: CreatedBoard, token: string): Promise<TestClient> {
  const client = connect(server.wsUrl, board.boardId, token);
  await client.synced();
  return client;
}

async function run(board: CreatedBoard, body: unknown): Promise<void> {
  expect((await command(server.baseUrl, board.boardId, board.facilitatorToken, body)).status).toBe(200);
}

/** A board with one note by Ana at station ex1-a1, moved on to `phase`. */
async function room(phase: 'rotate' | 'setup'): Promise<Room> {
  const board = await createBoard(server.baseUrl);
  const ana = await join(server.baseUrl, board.boardId, board.joinCode, 'Ana');
  const bo = await join(server.baseUrl, board.boardId, board.joinCode, 'Bo');
  const olga = await join(server.baseUrl, board.boardId, board.observerCode, 'Olga');
  await run(board, { type: 'startPhase', phase: 'post' });
  const client = await synced(board, ana.token);
  const note = addNote(client.doc, {
    areaId: 'ex1-a1',
    text: 'Root zone KSK',
    author: author(ana, 'Ana'),
    createdAt: Date.now(),
  });
  if (!note.ok) throw new Error(note.reason);
  const watcher = await synced(board, board.facilitatorToken);
  await expect.poll(() => readBoard(watcher.doc).notes.length, POLL).toBe(1);
  client.destroy();
  watcher.destroy();
  if (phase === 'rotate') await run(board, { type: 'startPhase', phase: 'rotate' });
  // Undoing the start of posting puts the board back in setup, with the note still on it.
  else await run(board, { type: 'undoPhaseChange' });
  return { board, ana, bo, olga, noteId: note.value.id };
}

/** Connects with `token`, makes `write`, and returns the close the server answered with. */
async function attempt(r: Room, token: string, write: (doc: Y.Doc) => void) {
  const client = await synced(r.board, token);
  write(client.doc);
  await expect.poll(() => client.closes.length, POLL).toBeGreaterThan(0);
  client.destroy();
  return client.closes[0]!;
}

/** Connects with `token`, makes `write`, and waits until a fresh facilitator client sees `check` hold. */
async function accepted(
  r: Room,
  token: string,
  write: (doc: Y.Doc) => void,
  check: (board: ReturnType<typeof readBoard>) => boolean,
) {
  const client = await synced(r.board, token);
  write(client.doc);
  const watcher = await synced(r.board, r.board.facilitatorToken);
  await expect.poll(() => check(readBoard(watcher.doc)), POLL).toBe(true);
  expect(client.closes).toEqual([]);
  client.destroy();
  watcher.destroy();
}

async function serverBoard(r: Room) {
  const client = await synced(r.board, r.board.facilitatorToken);
  const board = readBoard(client.doc);
  client.destroy();
  return board;
}

describe('discussion in the rotate phase', () => {
  it('a participant comments; another participant cannot delete it (4403); the author can', async () => {
    const r = await room('rotate');
    let commentId = '';
    await accepted(
      r,
      r.ana.token,
      (doc) => {
        const result = addComment(doc, {
          targetType: 'note',
          targetId: r.noteId,
          text: 'Does this cover the 2018 roll?',
          author: author(r.ana, 'Ana'),
          createdAt: Date.now(),
        });
        if (result.ok) commentId = result.value.id;
      },
      (board) => board.comments.length === 1,
    );
    const refused = await attempt(r, r.bo.token, (doc) => deleteComment(doc, commentId));
    expect(refused.code).toBe(4403);
    expect(refused.reason).toMatch(/only delete your own comments/);
    expect((await serverBoard(r)).comments.map((c) => [c.text, c.authorName])).toEqual([
      ['Does this cover the 2018 roll?', 'Ana'],
    ]);
    await accepted(
      r,
      r.ana.token,
      (doc) => deleteComment(doc, commentId),
      (board) => board.comments.length === 0,
    );
  });

  it('a reply, a hand-off and a stamped rename from participants are accepted', async () => {
    const r = await room('rotate');
    const client = await synced(r.board, r.bo.token);
    // Distinct times: readBoard orders comments by time, then id.
    const at = Date.now();
    const top = addComment(client.doc, {
      targetType: 'note',
      targetId: r.noteId,
      text: 'Why KSK?',
      author: author(r.bo, 'Bo'),
      createdAt: at,
    });
    if (!top.ok) throw new Error(top.reason);
    addComment(client.doc, {
      targetType: 'note',
      targetId: r.noteId,
      parentId: top.value.id,
      text: 'Because of the roll',
      author: author(r.bo, 'Bo'),
      createdAt: at + 1,
    });
    const group = createGroup(client.doc, { areaId: 'ex1-a1', noteIds: [r.noteId], createdAt: Date.now() });
    if (!group.ok) throw new Error(group.reason);
    renameGroup(client.doc, group.value.id, 'Keys', 'local', Date.now());
    addHandoff(client.doc, {
      areaId: 'ex1-a1',
      exerciseId: 'ex1',
      rotation: 1,
      text: 'We merged the KSK notes',
      author: author(r.bo, 'Bo'),
      createdAt: Date.now(),
    });
    const watcher = await synced(r.board, r.board.facilitatorToken);
    await expect
      .poll(() => readBoard(watcher.doc).handoffs.map((h) => h.text), POLL)
      .toEqual(['We merged the KSK notes']);
    const board = readBoard(watcher.doc);
    expect(board.comments.map((c) => [c.text, c.parentId === top.value.id])).toEqual([
      ['Why KSK?', false],
      ['Because of the roll', true],
    ]);
    expect(board.groups[0]).toMatchObject({
      label: 'Keys',
      labelUpdatedAt: expect.any(Number),
      createdAt: expect.any(Number),
    });
    expect(client.closes).toEqual([]);
    client.destroy();
    watcher.destroy();
  });

  it('an observer without posting rights cannot comment (4403)', async () => {
    const r = await room('rotate');
    const refused = await attempt(r, r.olga.token, (doc) =>
      addComment(doc, {
        targetType: 'note',
        targetId: r.noteId,
        text: 'Observer view',
        author: { id: r.olga.participantId, name: 'Olga', role: 'observer' },
        createdAt: Date.now(),
      }),
    );
    expect(refused.code).toBe(4403);
    expect((await serverBoard(r)).comments).toEqual([]);
  });

  it("the facilitator edits the wording of someone's note", async () => {
    const r = await room('rotate');
    await accepted(
      r,
      r.board.facilitatorToken,
      (doc) => editNote(doc, r.noteId, 'Root zone KSK rollover'),
      (board) => board.notes[0]?.text === 'Root zone KSK rollover',
    );
    const ana = await synced(r.board, r.ana.token);
    expect(readBoard(ana.doc).notes.map((n) => [n.text, n.authorName])).toEqual([['Root zone KSK rollover', 'Ana']]);
    ana.destroy();
  });
});

describe('discussion outside the rotate phase', () => {
  it('a comment in setup is refused (4403)', async () => {
    const r = await room('setup');
    expect((await serverBoard(r)).session.phase).toBe('setup');
    const refused = await attempt(r, r.ana.token, (doc) =>
      addComment(doc, {
        targetType: 'note',
        targetId: r.noteId,
        text: 'Too early',
        author: author(r.ana, 'Ana'),
        createdAt: Date.now(),
      }),
    );
    expect(refused.code).toBe(4403);
    expect((await serverBoard(r)).comments).toEqual([]);
  });
});
