// Issue 9's hostile updates against the real server: an observer's raw socket cannot brick, fill or poison a board.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer, type RunningServer } from '../helpers/startServer.ts';
import { command, createBoard, join, type CreatedBoard } from '../helpers/api.ts';
import { connect, type TestClient } from '../helpers/clients.ts';
import { addNote, editNote } from '@shared/doc/ops.ts';
import { boardMaps } from '@shared/doc/boardDoc.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import { hugeClockFrames, longKeyTombstone } from '../unit/guard/hostileUpdates.ts';
import { sendHostile } from './hostileSocket.ts';

let server: RunningServer;
beforeAll(async () => {
  // A 1 MiB board limit: a dozen 100 KB-key tombstones would fill a board, if they got in.
  server = await startServer({ env: { LOG_QUIET: '1', MAX_BOARD_BYTES: String(1024 * 1024) } });
});
afterAll(async () => {
  await server?.stop();
});

interface Board {
  board: CreatedBoard;
  ana: { participantId: string; token: string };
  olga: { participantId: string; token: string };
  wsUrl(token: string): string;
}

/** A board with one participant (Ana) and one observer (Olga), closed by its facilitator. */
async function closedBoard(): Promise<Board> {
  const board = await createBoard(server.baseUrl);
  const ana = await join(server.baseUrl, board.boardId, board.joinCode, 'Ana');
  const olga = await join(server.baseUrl, board.boardId, board.observerCode, 'Olga');
  expect(
    (await command(server.baseUrl, board.boardId, board.facilitatorToken, { type: 'startPhase', phase: 'post' }))
      .status,
  ).toBe(200);
  expect((await command(server.baseUrl, board.boardId, board.facilitatorToken, { type: 'close' })).status).toBe(200);
  return { board, ana, olga, wsUrl: (token) => `${server.wsUrl}/ws/${board.boardId}?token=${token}` };
}

async function reopenForPosting(b: Board): Promise<void> {
  expect((await command(server.baseUrl, b.board.boardId, b.board.facilitatorToken, { type: 'reopen' })).status).toBe(
    200,
  );
  expect(
    (await command(server.baseUrl, b.board.boardId, b.board.facilitatorToken, { type: 'startPhase', phase: 'post' }))
      .status,
  ).toBe(200);
}

async function synced(b: Board, token: string): Promise<TestClient> {
  const client = connect(server.wsUrl, b.board.boardId, token);
  await client.synced();
  return client;
}

const notesOf = (client: TestClient) =>
  readBoard(client.doc)
    .notes.map((note) => note.text)
    .sort();

/** Ana posts a note through a stock client; a second (facilitator) client must receive it: stored and broadcast. */
async function anaPosts(b: Board, text: string): Promise<void> {
  const watcher = await synced(b, b.board.facilitatorToken);
  const ana = await synced(b, b.ana.token);
  const author = { id: b.ana.participantId, name: 'Ana', role: 'participant' as const };
  expect(addNote(ana.doc, { areaId: 'ex1-a1', text, author, createdAt: 1 }).ok).toBe(true);
  await expect.poll(() => notesOf(watcher)).toContain(text);
  expect(ana.closes).toEqual([]);
  ana.destroy();
  watcher.destroy();
}

describe('an observer of a closed board', () => {
  it('cannot brick the board with the two 27-byte huge-clock frames; later notes are stored, broadcast and survive a restart', async () => {
    const b = await closedBoard();
    const frames = hugeClockFrames(4242);
    const outcome = await sendHostile(b.wsUrl(b.olga.token), frames);
    console.log(
      `huge-clock frames (${frames.map((f) => f.length).join(' + ')} bytes): closed ${outcome.code} after ${outcome.msToClose.toFixed(1)} ms`,
    );
    expect(outcome.code).toBe(4403);
    expect(outcome.reason).toMatch(/too far ahead|Observers can only read/);
    await reopenForPosting(b);
    await anaPosts(b, 'after the attack');
    await server.stop();
    await server.restart();
    const fresh = await synced(b, b.board.facilitatorToken);
    expect(notesOf(fresh)).toEqual(['after the attack']);
    fresh.destroy();
  });

  it('cannot lock writers out with 100 KB-key tombstones: after reopening, participant and facilitator edits go through', async () => {
    const b = await closedBoard();
    const timings: number[] = [];
    for (let i = 0; i < 12; i++) {
      const outcome = await sendHostile(b.wsUrl(b.olga.token), [longKeyTombstone(5000 + i, 0, 100_000, `t${i}`)]);
      expect(outcome.code).toBe(4403);
      timings.push(outcome.msToClose);
    }
    console.log(`100 KB-key tombstones: each refused with 4403, ${timings.map((t) => t.toFixed(1)).join(', ')} ms`);
    await reopenForPosting(b);
    await anaPosts(b, 'still writable');
    const facilitator = await synced(b, b.board.facilitatorToken);
    const id = readBoard(facilitator.doc).notes[0]!.id;
    expect(editNote(facilitator.doc, id, 'tidied by the facilitator').ok).toBe(true);
    const reader = await synced(b, b.ana.token);
    await expect.poll(() => notesOf(reader)).toEqual(['tidied by the facilitator']);
    expect(facilitator.closes).toEqual([]);
    facilitator.destroy();
    reader.destroy();
  });
});

describe('provenance of notes', () => {
  async function postingBoard(): Promise<Board> {
    const b = await closedBoard();
    await reopenForPosting(b);
    return b;
  }

  async function anaTries(b: Board, fields: Record<string, unknown>) {
    const ana = await synced(b, b.ana.token);
    const note = new Y.Map<unknown>();
    const id = `n-${Object.keys(fields).join('-')}`;
    const all = {
      id,
      areaId: 'ex1-a1',
      text: 'mine',
      authorId: b.ana.participantId,
      authorName: 'Ana',
      authorRole: 'participant',
      createdAt: 1,
      ...fields,
    };
    for (const [key, value] of Object.entries(all)) note.set(key, value);
    boardMaps(ana.doc).notes.set(id, note);
    await expect.poll(() => ana.closes.length).toBeGreaterThan(0);
    ana.destroy();
    return ana.closes[0]!;
  }

  it('a participant cannot set "source", post as another role, or post into a station of an exercise not running', async () => {
    const b = await postingBoard();
    expect(await anaTries(b, { source: 'Public consultation' })).toMatchObject({
      code: 4403,
      reason: expect.stringMatching(/imported input/),
    });
    expect(await anaTries(b, { authorRole: 'facilitator' })).toMatchObject({
      code: 4403,
      reason: expect.stringMatching(/as yourself/),
    });
    expect(await anaTries(b, { areaId: 'ex2-a1' })).toMatchObject({
      code: 4403,
      reason: expect.stringMatching(/not part of the exercise being run/),
    });
    const reader = await synced(b, b.board.facilitatorToken);
    expect(readBoard(reader.doc).notes).toEqual([]);
    reader.destroy();
  });
});
