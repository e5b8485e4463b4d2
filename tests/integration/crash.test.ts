// A kill -9 under load loses nothing that any client had already received from the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nanoid } from 'nanoid';
import { startServer, type RunningServer } from '../helpers/startServer.ts';
import { command, createBoard, join } from '../helpers/api.ts';
import { connect, type TestClient } from '../helpers/clients.ts';
import { addNote } from '@shared/doc/ops.ts';
import { boardMaps } from '@shared/doc/boardDoc.ts';
import { readBoard } from '@shared/doc/readBoard.ts';

const WRITERS = 4;
const AREAS = ['ex1-a1', 'ex1-a2', 'ex1-a3'];

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('crash safety', () => {
  it('after SIGKILL mid-load and a restart, every note a client had received is still on the board', async () => {
    const board = await createBoard(server.baseUrl, 'Crash test');
    expect(
      (await command(server.baseUrl, board.boardId, board.facilitatorToken, { type: 'startPhase', phase: 'post' }))
        .status,
    ).toBe(200);
    const people = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) => join(server.baseUrl, board.boardId, board.joinCode, `Writer ${i}`)),
    );
    const clients: TestClient[] = people.map((p) => connect(server.wsUrl, board.boardId, p.token));
    await Promise.all(clients.map((c) => c.synced()));

    // What each client has received from the server: notes that arrived in a remote transaction.
    const seen = clients.map(() => new Set<string>());
    clients.forEach((client, i) =>
      boardMaps(client.doc).notes.observe((event) => {
        if (event.transaction.local) return;
        for (const [key, change] of event.changes.keys) if (change.action === 'add') seen[i]!.add(key);
      }),
    );

    // Each writer posts a note every 20 ms (50/s, under the default rate limit) until told to stop.
    let isWriting = true;
    const writing = clients.map(async (client, i) => {
      const person = people[i]!;
      for (let n = 0; isWriting; n++) {
        addNote(client.doc, {
          id: nanoid(),
          areaId: AREAS[n % AREAS.length]!,
          text: `Crash note ${i}-${n}`,
          author: { id: person.participantId, name: `Writer ${i}`, role: 'participant' },
          createdAt: Date.now(),
        });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    // Kill while notes are flowing: once every client has received a fair number from the others.
    await expect.poll(() => Math.min(...seen.map((s) => s.size)), { timeout: 15_000 }).toBeGreaterThanOrEqual(30);
    await server.kill();
    isWriting = false;
    await Promise.all(writing);
    // Destroy the clients before the restart: reconnecting, they would push their unconfirmed notes again and hide a loss.
    for (const client of clients) client.destroy();
    const received = new Set(seen.flatMap((s) => [...s]));

    await server.restart();
    const reader = connect(server.wsUrl, board.boardId, board.facilitatorToken);
    await reader.synced();
    const after = readBoard(reader.doc);
    const stored = new Set(after.notes.map((n) => n.id));
    const lost = [...received].filter((id) => !stored.has(id));
    expect(received.size).toBeGreaterThanOrEqual(30);
    expect(lost).toEqual([]);
    expect(after.skipped).toEqual([]);
    reader.destroy();
  });
});
