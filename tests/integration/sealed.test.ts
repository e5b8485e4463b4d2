// Sealed input on a real server: private notes and votes never reach another browser's doc until they are revealed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startInProcess, type InProcessServer } from '../helpers/inProcess.ts';
import { command, createBoard, join, type CreatedBoard } from '../helpers/api.ts';
import { connect, type TestClient } from '../helpers/clients.ts';
import { addNote } from '@shared/doc/ops.ts';
import { boardMaps } from '@shared/doc/boardDoc.ts';
import { readBoard } from '@shared/doc/readBoard.ts';

let server: InProcessServer;
beforeAll(async () => {
  server = await startInProcess();
});
afterAll(async () => {
  await server?.close();
});

async function call(
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<{ status: number; json: any }> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

async function synced(board: CreatedBoard, token: string): Promise<TestClient> {
  const client = connect(server.wsUrl, board.boardId, token);
  await client.synced();
  return client;
}

/** True when the doc's full encoded state holds these UTF-8 bytes anywhere. */
function holdsText(doc: Y.Doc, text: string): boolean {
  return Buffer.from(Y.encodeStateAsUpdate(doc)).includes(Buffer.from(text, 'utf8'));
}

async function privateRoom() {
  const board = await createBoard(server.baseUrl);
  const ana = await join(server.baseUrl, board.boardId, board.joinCode, 'Ana');
  const bo = await join(server.baseUrl, board.boardId, board.joinCode, 'Bo');
  const send = (body: unknown) => command(server.baseUrl, board.boardId, board.facilitatorToken, body);
  expect((await send({ type: 'setPrivatePosting', enabled: true })).status).toBe(200);
  expect((await send({ type: 'startPhase', phase: 'post' })).json.session).toMatchObject({
    phase: 'post',
    privatePosting: true,
  });
  const notes = `/api/boards/${board.boardId}/private-notes`;
  return { board, ana, bo, send, notes };
}

describe('private posting', () => {
  it('keeps a note out of every other doc until the group phase, then reveals it with its author', async () => {
    const { board, ana, bo, send, notes } = await privateRoom();
    const boClient = await synced(board, bo.token);
    const secret = 'Sealed idea: audit the ccTLD delegation records';

    const posted = await call('POST', notes, ana.token, { areaId: 'ex1-a2', text: `  ${secret}  ` });
    expect(posted.status).toBe(201);
    expect(posted.json).toMatchObject({ areaId: 'ex1-a2', text: secret });
    await expect.poll(() => readBoard(boClient.doc).session.privateCounts).toEqual({ 'ex1-a2': 1 });
    expect(holdsText(boClient.doc, secret)).toBe(false);
    expect(readBoard(boClient.doc).notes).toEqual([]);

    // Ana sees her own notes; Bo sees none of them.
    expect((await call('GET', notes, ana.token)).json.notes.map((n: { text: string }) => n.text)).toEqual([secret]);
    expect((await call('GET', notes, bo.token)).json.notes).toEqual([]);
    // Bo cannot touch it (it answers as missing), Ana can edit it.
    expect((await call('PATCH', `${notes}/${posted.json.id}`, bo.token, { text: 'Bo was here' })).status).toBe(404);
    expect((await call('DELETE', `${notes}/${posted.json.id}`, bo.token)).status).toBe(404);
    const edited = await call('PATCH', `${notes}/${posted.json.id}`, ana.token, { text: `${secret}!` });
    expect(edited.status).toBe(200);

    // A fresh connection's initial sync does not carry it either.
    const late = await synced(board, bo.token);
    expect(holdsText(late.doc, secret)).toBe(false);
    late.destroy();

    expect((await send({ type: 'nextPhase' })).json.session).toMatchObject({ phase: 'group', privateCounts: {} });
    await expect
      .poll(() => readBoard(boClient.doc).notes.map((n) => [n.text, n.authorId, n.authorName, n.authorRole, n.areaId]))
      .toEqual([[`${secret}!`, ana.participantId, 'Ana', 'participant', 'ex1-a2']]);
    expect(readBoard(boClient.doc).session.privateCounts).toEqual({});
    // The byte search finds the text once it is really there (so its earlier "false" meant something).
    expect(holdsText(boClient.doc, secret)).toBe(true);
    expect((await call('GET', notes, ana.token)).json.notes).toEqual([]);
    // After the reveal the note is an ordinary note of Ana's; private posting itself is closed.
    expect((await call('POST', notes, ana.token, { areaId: 'ex1-a2', text: 'Too late' })).status).toBe(409);
    boClient.destroy();
  });

  it('reveals at once when the facilitator switches private posting off mid-post', async () => {
    const { board, ana, send, notes } = await privateRoom();
    const watcher = await synced(board, board.facilitatorToken);
    expect((await call('POST', notes, ana.token, { areaId: 'ex1-a1', text: 'One' })).status).toBe(201);
    expect((await call('POST', notes, ana.token, { areaId: 'ex1-a1', text: 'Two' })).status).toBe(201);
    const third = await call('POST', notes, ana.token, { areaId: 'ex1-a3', text: 'Three' });
    await expect.poll(() => readBoard(watcher.doc).session.privateCounts).toEqual({ 'ex1-a1': 2, 'ex1-a3': 1 });
    expect((await call('DELETE', `${notes}/${third.json.id}`, ana.token)).status).toBe(204);
    await expect.poll(() => readBoard(watcher.doc).session.privateCounts).toEqual({ 'ex1-a1': 2 });
    expect(holdsText(watcher.doc, 'Three')).toBe(false);

    expect((await send({ type: 'setPrivatePosting', enabled: false })).json.session.phase).toBe('post');
    await expect
      .poll(() =>
        readBoard(watcher.doc)
          .notes.map((n) => n.text)
          .sort(),
      )
      .toEqual(['One', 'Two']);
    // Posting is public again: Ana's client may write to the board directly.
    const anaClient = await synced(board, ana.token);
    addNote(anaClient.doc, {
      areaId: 'ex1-a1',
      text: 'Public now',
      author: { id: ana.participantId, name: 'Ana', role: 'participant' },
      createdAt: 9,
    });
    await expect.poll(() => readBoard(watcher.doc).notes.length).toBe(3);
    expect(anaClient.closes).toEqual([]);
    anaClient.destroy();
    watcher.destroy();
  });

  it('refuses a participant writing a note into the doc while posting is private (4403)', async () => {
    const { board, ana } = await privateRoom();
    const anaClient = await synced(board, ana.token);
    addNote(anaClient.doc, {
      areaId: 'ex1-a1',
      text: 'Sneaking past',
      author: { id: ana.participantId, name: 'Ana', role: 'participant' },
      createdAt: 1,
    });
    await expect.poll(() => anaClient.closes[0]?.code).toBe(4403);
    expect(anaClient.closes[0]!.reason).toMatch(/Posting is private right now/);
    anaClient.destroy();
    const watcher = await synced(board, board.facilitatorToken);
    expect(readBoard(watcher.doc).notes).toEqual([]);
    watcher.destroy();
  });

  it('answers 409 outside private posting, 400 for bad input, 403 for the facilitator and read-only observers', async () => {
    const board = await createBoard(server.baseUrl);
    const ana = await join(server.baseUrl, board.boardId, board.joinCode, 'Ana');
    const olga = await join(server.baseUrl, board.boardId, board.observerCode, 'Olga');
    const notes = `/api/boards/${board.boardId}/private-notes`;
    const send = (body: unknown) => command(server.baseUrl, board.boardId, board.facilitatorToken, body);
    await send({ type: 'startPhase', phase: 'post' });
    expect((await call('POST', notes, ana.token, { areaId: 'ex1-a1', text: 'Hi' })).json.error.message).toMatch(
      /Private posting is off/,
    );
    await send({ type: 'setPrivatePosting', enabled: true });
    expect((await call('POST', notes, ana.token, { areaId: 'ex1-a1', text: '   ' })).status).toBe(400);
    expect((await call('POST', notes, ana.token, { areaId: 'ex1-a1', text: 'x'.repeat(281) })).status).toBe(400);
    expect((await call('POST', notes, ana.token, { areaId: 'ex1-a1', text: '😀'.repeat(280) })).status).toBe(201);
    expect((await call('POST', notes, ana.token, { areaId: 'ex2-a1', text: 'Wrong exercise' })).status).toBe(400);
    expect((await call('POST', notes, ana.token, { text: 'No station' })).status).toBe(400);
    expect((await call('POST', notes, board.facilitatorToken, { areaId: 'ex1-a1', text: 'Hi' })).status).toBe(403);
    expect((await call('POST', notes, olga.token, { areaId: 'ex1-a1', text: 'Hi' })).status).toBe(403);
    await send({ type: 'setObserversMayPost', allowed: true });
    expect((await call('POST', notes, olga.token, { areaId: 'ex1-a1', text: 'Observer idea' })).status).toBe(201);
    expect((await call('GET', notes, 'not-a-token')).status).toBe(401);
    await send({ type: 'nextPhase' });
    const watcher = await synced(board, board.facilitatorToken);
    expect(readBoard(watcher.doc).notes.find((n) => n.text === 'Observer idea')?.authorRole).toBe('observer');
    watcher.destroy();
  });
});

describe('dot voting', () => {
  async function votingRoom() {
    const board = await createBoard(server.baseUrl);
    const ana = await join(server.baseUrl, board.boardId, board.joinCode, 'Ana');
    const bo = await join(server.baseUrl, board.boardId, board.joinCode, 'Bo');
    const send = (body: unknown) => command(server.baseUrl, board.boardId, board.facilitatorToken, body);
    await send({ type: 'startPhase', phase: 'post' });
    const anaClient = await synced(board, ana.token);
    const ids = ['First idea', 'Second idea', 'Third idea'].map((text, i) => {
      const note = addNote(anaClient.doc, {
        areaId: 'ex1-a1',
        text,
        author: { id: ana.participantId, name: 'Ana', role: 'participant' },
        createdAt: i,
      });
      if (!note.ok) throw new Error(note.reason);
      return note.value.id;
    });
    const watcher = await synced(board, bo.token);
    await expect.poll(() => readBoard(watcher.doc).notes.length).toBe(3);
    anaClient.destroy();
    return { board, ana, bo, send, ids, watcher, votes: `/api/boards/${board.boardId}/votes` };
  }

  it('keeps per-note counts out of every doc until the reveal, then writes the totals', async () => {
    const { board, ana, bo, send, ids, watcher, votes } = await votingRoom();
    const [first, second, third] = ids as [string, string, string];
    expect((await call('PUT', `${votes}/${first}`, ana.token, { count: 1 })).status).toBe(409);
    expect((await send({ type: 'startPhase', phase: 'vote' })).status).toBe(409);
    expect((await send({ type: 'setVoting', enabled: true })).json.session).toMatchObject({
      votingEnabled: true,
      votesPerPerson: 3,
    });
    expect((await send({ type: 'startPhase', phase: 'vote' })).json.session.phase).toBe('vote');

    expect((await call('PUT', `${votes}/${first}`, ana.token, { count: 2 })).json).toMatchObject({
      votes: { [first]: 2 },
      remaining: 1,
    });
    expect((await call('PUT', `${votes}/${second}`, ana.token, { count: 1 })).json.remaining).toBe(0);
    const over = await call('PUT', `${votes}/${third}`, ana.token, { count: 1 });
    expect(over.status).toBe(409);
    expect(over.json.error.message).toMatch(/0 votes left/);
    expect((await call('PUT', `${votes}/${first}`, bo.token, { count: 4 })).status).toBe(400);
    expect((await call('PUT', `${votes}/${first}`, bo.token, { count: -1 })).status).toBe(400);
    expect((await call('PUT', `${votes}/${first}`, bo.token, { count: 3 })).status).toBe(200);
    expect((await call('PUT', `${votes}/no-such-note`, bo.token, { count: 1 })).status).toBe(404);
    expect((await call('PUT', `${votes}/${first}`, board.facilitatorToken, { count: 1 })).status).toBe(403);
    expect((await call('GET', votes, ana.token)).json).toEqual({
      votes: { [first]: 2, [second]: 1 },
      votesPerPerson: 3,
      remaining: 0,
      isOpen: true,
    });

    await expect.poll(() => readBoard(watcher.doc).session.votersCount).toBe(2);
    // Before the reveal no doc holds a note's count: not on the notes, not anywhere in the session.
    expect(readBoard(watcher.doc).notes.every((n) => n.votes === undefined)).toBe(true);
    expect(Object.keys(boardMaps(watcher.doc).session.toJSON())).not.toContain('votes');
    for (const note of boardMaps(watcher.doc).notes.values()) expect(note.has('votes')).toBe(false);

    // Bo moves his dots; still nothing shows.
    expect((await call('PUT', `${votes}/${first}`, bo.token, { count: 0 })).json.remaining).toBe(3);
    expect((await call('PUT', `${votes}/${third}`, bo.token, { count: 1 })).status).toBe(200);

    const revealed = await send({ type: 'revealVotes' });
    expect(revealed.json.session.votesRevealed).toBe(true);
    await expect
      .poll(() => Object.fromEntries(readBoard(watcher.doc).notes.map((n) => [n.id, n.votes])))
      .toEqual({ [first]: 2, [second]: 1, [third]: 1 });
    expect((await call('PUT', `${votes}/${first}`, ana.token, { count: 1 })).status).toBe(409);

    // The export's CSV carries the totals.
    const csv = await fetch(`${server.baseUrl}/api/boards/${board.boardId}/export?format=csv`, {
      headers: { Authorization: `Bearer ${board.facilitatorToken}` },
    });
    const rows = (await csv.text()).split('\r\n');
    expect(rows.find((row) => row.includes('First idea'))).toMatch(/,2,/);
    watcher.destroy();
  });

  it('reveals what was cast when the facilitator moves on without revealing', async () => {
    const { ana, send, ids, watcher, votes } = await votingRoom();
    await send({ type: 'setVoting', enabled: true, votesPerPerson: 5 });
    // From post, next goes group -> rotate -> (rotations done via next) -> vote.
    await send({ type: 'nextPhase' });
    await send({ type: 'nextPhase' });
    expect((await send({ type: 'nextPhase' })).json.session.phase).toBe('vote');
    expect((await call('PUT', `${votes}/${ids[1]}`, ana.token, { count: 5 })).status).toBe(200);
    expect((await send({ type: 'nextPhase' })).json.session).toMatchObject({ phase: 'setup', exerciseId: 'ex2' });
    await expect.poll(() => readBoard(watcher.doc).notes.find((n) => n.id === ids[1])?.votes).toBe(5);
    watcher.destroy();
  });
});
