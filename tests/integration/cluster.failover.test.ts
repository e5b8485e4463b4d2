// A holder killed, a holder paused past its lease, Redis restarted: a survivor takes over, nothing received is lost, no fork.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { nanoid } from 'nanoid';
import { command, createBoard, join } from '../helpers/api.ts';
import { connect, type TestClient } from '../helpers/clients.ts';
import { addNote } from '@shared/doc/ops.ts';
import { boardMaps } from '@shared/doc/boardDoc.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import { hasServices } from '../helpers/services.ts';
import { startCluster, TEST_LEASE_MS, type TestCluster } from '../helpers/cluster.ts';
import type { RunningServer } from '../helpers/startServer.ts';

const AREAS = ['ex1-a1', 'ex1-a2', 'ex1-a3'];

interface Writer {
  client: TestClient;
  /** Notes this writer made. */
  written: Set<string>;
  /** Notes this client received from the server (remote transactions). */
  seen: Set<string>;
}

/** A board in the posting phase held by `holder` (its facilitator socket took the lease), with writers on `writerServers`. */
async function boardWithWriters(holder: RunningServer, writerServers: RunningServer[], title: string) {
  const board = await createBoard(holder.baseUrl, title);
  const facilitator = connect(holder.wsUrl, board.boardId, board.facilitatorToken);
  await facilitator.synced();
  expect(
    (await command(holder.baseUrl, board.boardId, board.facilitatorToken, { type: 'startPhase', phase: 'post' }))
      .status,
  ).toBe(200);
  const writers: Writer[] = [];
  for (const [i, server] of writerServers.entries()) {
    const person = await join(server.baseUrl, board.boardId, board.joinCode, `Writer ${i}`);
    const client = connect(server.wsUrl, board.boardId, person.token);
    const writer: Writer = { client, written: new Set(), seen: new Set() };
    boardMaps(client.doc).notes.observe((event) => {
      if (event.transaction.local) return;
      for (const [key, change] of event.changes.keys) if (change.action === 'add') writer.seen.add(key);
    });
    writers.push(writer);
    (writer as Writer & { person: typeof person }).person = person;
  }
  await Promise.all(writers.map((w) => w.client.synced()));
  let isWriting = true;
  // Each writer posts a note every 25 ms until told to stop; offline, notes wait in its doc for the reconnect.
  // Not while a reconnect is syncing: the server refuses an update whose earlier changes it has not seen yet (4403),
  // and a note typed between the socket opening and the sync would be one.
  const writing = writers.map(async (writer, i) => {
    const person = (writer as Writer & { person: { participantId: string } }).person;
    for (let n = 0; isWriting; n++) {
      const { provider } = writer.client;
      if (provider.wsconnected && !provider.synced) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        continue;
      }
      const id = nanoid();
      addNote(writer.client.doc, {
        id,
        areaId: AREAS[n % AREAS.length]!,
        text: `${title} ${i}-${n}`,
        author: { id: person.participantId, name: `Writer ${i}`, role: 'participant' },
        createdAt: Date.now(),
      });
      writer.written.add(id);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  });
  const stopWriting = async () => {
    isWriting = false;
    await Promise.all(writing);
  };
  return { board, facilitator, writers, stopWriting };
}

/** The notes a fresh client sees on `server`, once it has synced. */
async function notesOn(server: RunningServer, boardId: string, token: string): Promise<string[]> {
  const reader = connect(server.wsUrl, boardId, token);
  try {
    await reader.synced();
    return readBoard(reader.doc)
      .notes.map((n) => n.id)
      .sort();
  } finally {
    reader.destroy();
  }
}

/** Every note any writer made or received is on the board as `server` serves it (waiting for the last to arrive). */
async function expectNothingLost(
  server: RunningServer,
  board: { boardId: string; facilitatorToken: string },
  writers: Writer[],
) {
  const written = new Set(writers.flatMap((w) => [...w.written]));
  const received = new Set(writers.flatMap((w) => [...w.seen]));
  expect(written.size).toBeGreaterThanOrEqual(10);
  await expect
    .poll(
      async () => {
        const stored = new Set(await notesOn(server, board.boardId, board.facilitatorToken));
        return [...written, ...received].filter((id) => !stored.has(id)).length;
      },
      { timeout: 40_000 },
    )
    .toBe(0);
}

const reconnected = (writer: Writer) =>
  writer.client.closes.length > 0 && writer.client.provider.wsconnected && writer.client.provider.synced;

// Each test waits on lease lapses and process restarts: generous limits for a busy machine (no timing is asserted).
describe.skipIf(!hasServices())('cluster failover', { timeout: 90_000 }, () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    // Logs on: the paused holder's own account of giving the board up is part of what is checked.
    cluster = await startCluster('cluster_failover', 3, { LOG_QUIET: '0' });
  }, 180_000);
  afterAll(async () => {
    await cluster?.stop();
  }, 120_000);

  it('SIGKILL of the holder under write load: a survivor takes over, nothing received is lost, every writer note arrives', async () => {
    const [holder, b, c] = cluster.servers;
    const { board, facilitator, writers, stopWriting } = await boardWithWriters(holder!, [b!, c!, b!], 'Kill');
    await expect
      .poll(() => Math.min(...writers.map((w) => w.seen.size)), { timeout: 40_000 })
      .toBeGreaterThanOrEqual(20);
    const killedAt = Date.now();
    await holder!.kill();
    onTestFinished(() => holder!.restart());
    facilitator.destroy();
    await expect.poll(() => writers.every(reconnected), { timeout: 40_000 }).toBe(true);
    console.log(
      `takeover after SIGKILL: writers resynced ${Date.now() - killedAt} ms after the kill (lease ${TEST_LEASE_MS} ms)`,
    );
    await stopWriting();
    await expectNothingLost(c!, board, writers);
    expect(await notesOn(b!, board.boardId, board.facilitatorToken)).toEqual(
      await notesOn(c!, board.boardId, board.facilitatorToken),
    );
    const takeovers = await Promise.all([b!, c!].map(async (s) => (await fetch(`${s.baseUrl}/metrics`)).text()));
    expect(takeovers.map((text) => /^scopeboard_lease_takeovers_total (\d+)$/m.exec(text)?.[1]).sort()).toEqual([
      '0',
      '1',
    ]);
    for (const writer of writers) writer.client.destroy();
  });

  it('SIGSTOP of the holder past its lease, then SIGCONT: no stale write lands, all servers show the same board', async () => {
    const [a, b, holder] = cluster.servers;
    // One writer on the holder itself: its notes reach the paused process, which must not store them once woken.
    const { board, facilitator, writers, stopWriting } = await boardWithWriters(holder!, [a!, b!, holder!], 'Pause');
    await expect
      .poll(() => Math.min(...writers.map((w) => w.seen.size)), { timeout: 40_000 })
      .toBeGreaterThanOrEqual(20);
    holder!.signal('SIGSTOP');
    try {
      // The two writers proxied through a and b move to a new holder by themselves.
      await expect.poll(() => writers.slice(0, 2).every(reconnected), { timeout: 40_000 }).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, TEST_LEASE_MS));
    } finally {
      holder!.signal('SIGCONT');
    }
    // Woken, the old holder drops the board: its own writer reconnects (through it, to the new holder) and resyncs.
    await expect.poll(() => reconnected(writers[2]!), { timeout: 40_000 }).toBe(true);
    await stopWriting();
    facilitator.destroy();
    await expectNothingLost(a!, board, writers);
    const views = await Promise.all(cluster.servers.map((s) => notesOn(s, board.boardId, board.facilitatorToken)));
    expect(views[1]).toEqual(views[0]);
    expect(views[2]).toEqual(views[0]);
    // Fenced: the woken holder's epoch is older than the board's, so any write it tried was refused.
    const { default: pg } = await import('pg');
    const db = new pg.Client({ connectionString: cluster.databaseUrl });
    await db.connect();
    const { rows } = await db.query('SELECT current_epoch FROM boards WHERE board_id = $1', [board.boardId]);
    await db.end();
    expect(Number(rows[0].current_epoch)).toBeGreaterThanOrEqual(2);
    // And the woken holder gave the board up rather than serve it on.
    const givenUp = holder!
      .output()
      .split('\n')
      .filter((line) => line.includes('lease lost; dropping the board'));
    expect(givenUp.some((line) => line.includes(board.boardId))).toBe(true);
    for (const writer of writers) writer.client.destroy();
  });

  it('Redis restarted briefly: no two writers, service resumes, the board converges', async () => {
    const [a, b, c] = cluster.servers;
    const { board, facilitator, writers, stopWriting } = await boardWithWriters(a!, [a!, b!, c!], 'Redis');
    await expect
      .poll(() => Math.min(...writers.map((w) => w.seen.size)), { timeout: 40_000 })
      .toBeGreaterThanOrEqual(20);
    await cluster.redis.kill();
    try {
      await new Promise((resolve) => setTimeout(resolve, TEST_LEASE_MS));
    } finally {
      await cluster.redis.start();
    }
    await expect.poll(() => writers.every(reconnected), { timeout: 40_000 }).toBe(true);
    // Writing goes on after the restart, and every note reaches every writer.
    const sinceRestart = writers.map((w) => w.seen.size);
    await expect
      .poll(() => writers.every((w, i) => w.seen.size > sinceRestart[i]! + 10), { timeout: 40_000 })
      .toBe(true);
    await stopWriting();
    facilitator.destroy();
    const written = [...new Set(writers.flatMap((w) => [...w.written]))].sort();
    for (const writer of writers) {
      await expect
        .poll(
          () =>
            readBoard(writer.client.doc)
              .notes.map((n) => n.id)
              .sort(),
          { timeout: 40_000 },
        )
        .toEqual(written);
    }
    const views = await Promise.all(cluster.servers.map((s) => notesOn(s, board.boardId, board.facilitatorToken)));
    expect(views).toEqual([written, written, written]);
    for (const writer of writers) writer.client.destroy();
  });

  it('a server stopped with SIGTERM stores its boards and gives their leases back (draining)', async () => {
    const [a, b] = cluster.servers;
    const { board, facilitator, writers, stopWriting } = await boardWithWriters(a!, [b!], 'Drain');
    await expect.poll(() => writers[0]!.written.size, { timeout: 40_000 }).toBeGreaterThanOrEqual(10);
    await stopWriting();
    await expect
      .poll(() => readBoard(facilitator.doc).notes.length, { timeout: 40_000 })
      .toBe(writers[0]!.written.size);
    await a!.stop();
    onTestFinished(() => a!.restart());
    const { Redis } = await import('ioredis');
    const redis = new Redis(cluster.redis.url);
    // Given back, not left to lapse: the lease is free, or already b's (its proxied writer reconnected and b took it).
    const lease = await redis.get(`scopeboard:lease:${board.boardId}`).finally(() => redis.disconnect());
    expect(lease === null || (JSON.parse(lease) as { url: string }).url === `http://127.0.0.1:${b!.port}`).toBe(true);
    await expectNothingLost(b!, board, writers);
    facilitator.destroy();
    for (const writer of writers) writer.client.destroy();
  });
});
