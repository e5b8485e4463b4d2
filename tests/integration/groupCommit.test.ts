// Group commit (issue 15): the SQLite appends of one event-loop turn share a transaction, across boards, and
// still answer each room only once stored; one board's failure stays its own; a kill -9 loses nothing seen.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nanoid } from 'nanoid';
import * as Y from 'yjs';
import { openSqliteStorage } from '../../server/src/storage/SqliteStorage.ts';
import type { BoardRecord, ParticipantRecord } from '../../server/src/storage/Storage.ts';
import { startServer, type RunningServer } from '../helpers/startServer.ts';
import { command, createBoard, join } from '../helpers/api.ts';
import { connect, type TestClient } from '../helpers/clients.ts';
import { addNote } from '@shared/doc/ops.ts';
import { boardMaps } from '@shared/doc/boardDoc.ts';
import { readBoard } from '@shared/doc/readBoard.ts';

const record = (boardId: string): BoardRecord => ({
  boardId,
  title: 'T',
  templateId: 'ssr2-copenhagen',
  createdAt: 1,
  facilitatorTokenHash: 'h-' + boardId,
  joinCode: 'j-' + boardId,
  observerCode: 'o-' + boardId,
  isArchived: false,
});
const facilitator = (boardId: string): ParticipantRecord => ({
  participantId: 'f',
  boardId,
  name: 'F',
  role: 'facilitator',
  tokenHash: 'hf-' + boardId,
  joinedAt: 2,
  isRemoved: false,
});

/** An update setting `key` on a doc of its own. */
function setting(key: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set(key, key);
  return Y.encodeStateAsUpdate(doc);
}

describe('group commit in the SQLite doc log', () => {
  it('stores appends to several boards asked for in one turn, each numbered in its own log', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scopeboard-group-'));
    const storage = openSqliteStorage(dataDir);
    for (const id of ['g1', 'g2']) await storage.createBoard(record(id), facilitator(id), setting('start'));
    const answers = await Promise.all([
      storage.appendUpdates('g1', [setting('a')]),
      storage.appendUpdates('g2', [setting('b'), setting('c')]),
      storage.appendUpdates('g1', [setting('d')]),
    ]);
    expect(answers).toEqual([
      { logLength: 1, lastSeq: 1 },
      { logLength: 2, lastSeq: 2 },
      { logLength: 2, lastSeq: 2 },
    ]);
    storage.close();
    const reopened = openSqliteStorage(dataDir);
    expect((await reopened.loadDoc('g1')).updates).toHaveLength(2);
    expect((await reopened.loadDoc('g2')).updates).toHaveLength(2);
    reopened.close();
  });

  it("keeps one board's failure from failing the other boards of its group", async () => {
    const storage = openSqliteStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'scopeboard-group-')));
    await storage.createBoard(record('ok'), facilitator('ok'), setting('start'));
    // No such board: its rows break the foreign key, so the shared transaction fails and each append is retried alone.
    const [stored, refused] = await Promise.allSettled([
      storage.appendUpdates('ok', [setting('a')]),
      storage.appendUpdates('missing', [setting('b')]),
    ]);
    expect(stored).toEqual({ status: 'fulfilled', value: { logLength: 1, lastSeq: 1 } });
    expect(refused.status).toBe('rejected');
    expect(await storage.appendUpdates('ok', [setting('c')])).toEqual({ logLength: 2, lastSeq: 2 });
    expect((await storage.loadDoc('ok')).updates).toHaveLength(2);
    storage.close();
  });
});

describe('group commit across rooms under kill -9', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('keeps every note any client of any board had received', async () => {
    const boards = await Promise.all([1, 2, 3].map((i) => createBoard(server.baseUrl, `Group ${i}`)));
    const writers: { boardId: string; client: TestClient; author: { id: string; name: string } }[] = [];
    for (const board of boards) {
      expect(
        (await command(server.baseUrl, board.boardId, board.facilitatorToken, { type: 'startPhase', phase: 'post' }))
          .status,
      ).toBe(200);
      for (const name of ['A', 'B']) {
        const person = await join(server.baseUrl, board.boardId, board.joinCode, name);
        const client = connect(server.wsUrl, board.boardId, person.token);
        writers.push({ boardId: board.boardId, client, author: { id: person.participantId, name } });
      }
    }
    await Promise.all(writers.map((w) => w.client.synced()));
    // What each client has received from the server, by board.
    const seen = writers.map(() => new Set<string>());
    writers.forEach((w, i) =>
      boardMaps(w.client.doc).notes.observe((event) => {
        if (event.transaction.local) return;
        for (const [key, change] of event.changes.keys) if (change.action === 'add') seen[i]!.add(key);
      }),
    );
    let isWriting = true;
    const writing = writers.map(async ({ client, author }, i) => {
      for (let n = 0; isWriting; n++) {
        addNote(client.doc, {
          id: nanoid(),
          areaId: 'ex1-a1',
          text: `Group note ${i}-${n}`,
          author: { ...author, role: 'participant' },
          createdAt: Date.now(),
        });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    await expect.poll(() => Math.min(...seen.map((s) => s.size)), { timeout: 15_000 }).toBeGreaterThanOrEqual(20);
    await server.kill();
    isWriting = false;
    await Promise.all(writing);
    // Destroyed before the restart: reconnecting, they would push their unconfirmed notes again and hide a loss.
    for (const w of writers) w.client.destroy();

    await server.restart();
    for (const board of boards) {
      const received = new Set(writers.flatMap((w, i) => (w.boardId === board.boardId ? [...seen[i]!] : [])));
      const reader = connect(server.wsUrl, board.boardId, board.facilitatorToken);
      await reader.synced();
      const stored = new Set(readBoard(reader.doc).notes.map((note) => note.id));
      expect(received.size).toBeGreaterThanOrEqual(20);
      expect([...received].filter((id) => !stored.has(id))).toEqual([]);
      reader.destroy();
    }
  }, 60_000);
});
