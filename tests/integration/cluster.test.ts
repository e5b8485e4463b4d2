// Three real servers on one Redis and one PostgreSQL: one board's clients converge wherever they connect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nanoid } from 'nanoid';
import { command, createBoard, join } from '../helpers/api.ts';
import { connect, type TestClient } from '../helpers/clients.ts';
import { addNote } from '@shared/doc/ops.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import { hasServices } from '../helpers/services.ts';
import { startCluster, type TestCluster } from '../helpers/cluster.ts';

const AREA = 'ex1-a1';

function note(client: TestClient, person: { participantId: string; name: string }, text: string): string {
  const id = nanoid();
  addNote(client.doc, {
    id,
    areaId: AREA,
    text,
    author: { id: person.participantId, name: person.name, role: 'participant' },
    createdAt: Date.now(),
  });
  return id;
}

const noteIds = (client: TestClient) =>
  readBoard(client.doc)
    .notes.map((n) => n.id)
    .sort();

describe.skipIf(!hasServices())('cluster: three servers, one Redis, one PostgreSQL', () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await startCluster('cluster_basic');
  }, 180_000);
  afterAll(async () => {
    await cluster?.stop();
  }, 120_000);

  it('clients of one board on three servers converge', async () => {
    const [a, b, c] = cluster.servers;
    const board = await createBoard(a!.baseUrl, 'Converge');
    expect(
      (await command(b!.baseUrl, board.boardId, board.facilitatorToken, { type: 'startPhase', phase: 'post' })).status,
    ).toBe(200);
    const people = await Promise.all(
      cluster.servers.map(async (s, i) => ({
        ...(await join(s.baseUrl, board.boardId, board.joinCode, `P${i}`)),
        name: `P${i}`,
      })),
    );
    const clients = [a!, b!, c!].map((s, i) => connect(s.wsUrl, board.boardId, people[i]!.token));
    await Promise.all(clients.map((client) => client.synced()));
    const written = clients
      .flatMap((client, i) => [1, 2, 3].map((n) => note(client, people[i]!, `note ${i}-${n}`)))
      .sort();
    for (const client of clients) await expect.poll(() => noteIds(client), { timeout: 10_000 }).toEqual(written);
    // One holder serves the board; the other two proxy to it. /metrics tells which is which.
    const texts = await Promise.all(cluster.servers.map(async (s) => (await fetch(`${s.baseUrl}/metrics`)).text()));
    const value = (text: string, name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
    expect(texts.map((text) => value(text, 'scopeboard_leases_held')).sort()).toEqual([0, 0, 1]);
    const holderText = texts.find((text) => value(text, 'scopeboard_leases_held') === 1)!;
    expect(value(holderText, 'scopeboard_rooms')).toBe(1);
    expect(value(holderText, 'scopeboard_connections')).toBe(3);
    expect(value(holderText, 'scopeboard_updates_accepted_total')).toBeGreaterThanOrEqual(9);
    expect(value(holderText, 'scopeboard_commit_seconds_count')).toBeGreaterThanOrEqual(1);
    for (const client of clients) client.destroy();
  });

  it('a command sent to a server that does not hold the board takes effect', async () => {
    const [a, b, c] = cluster.servers;
    const board = await createBoard(a!.baseUrl, 'Command elsewhere');
    const watcher = connect(a!.wsUrl, board.boardId, board.facilitatorToken);
    await watcher.synced();
    // a holds the board now (its socket took the lease); the command goes to c.
    const sent = await command(c!.baseUrl, board.boardId, board.facilitatorToken, {
      type: 'startPhase',
      phase: 'post',
    });
    expect(sent.status).toBe(200);
    await expect.poll(() => readBoard(watcher.doc).session.phase, { timeout: 10_000 }).toBe('post');
    // A join on b lands in the doc a serves.
    const person = await join(b!.baseUrl, board.boardId, board.joinCode, 'Late');
    await expect
      .poll(() => readBoard(watcher.doc).participants.some((p) => p.id === person.participantId), { timeout: 10_000 })
      .toBe(true);
    watcher.destroy();
  });

  it('a removal sent to one server closes the participant socket on another with 4401', async () => {
    const [a, b, c] = cluster.servers;
    const board = await createBoard(a!.baseUrl, 'Removal');
    const holderSocket = connect(a!.wsUrl, board.boardId, board.facilitatorToken);
    await holderSocket.synced();
    const person = await join(a!.baseUrl, board.boardId, board.joinCode, 'Leaving');
    const removed = connect(b!.wsUrl, board.boardId, person.token);
    await removed.synced();
    const sent = await command(c!.baseUrl, board.boardId, board.facilitatorToken, {
      type: 'removeParticipant',
      participantId: person.participantId,
    });
    expect(sent.status).toBe(200);
    await expect.poll(() => removed.closes.map((close) => close.code), { timeout: 10_000 }).toContain(4401);
    removed.destroy();
    holderSocket.destroy();
  });
});
