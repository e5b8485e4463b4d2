// Three real servers on one Redis and one PostgreSQL: removals reach every server at once, the session clock moves
// with the board, and the holder's per-address limits count the person behind a forwarded request.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { command, createBoard } from '../helpers/api.ts';
import { connect, type TestClient } from '../helpers/clients.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import { hasServices } from '../helpers/services.ts';
import { startCluster, type TestCluster } from '../helpers/cluster.ts';
import type { RunningServer } from '../helpers/startServer.ts';

const JOINS_PER_MINUTE = 3;
// Longer than the other cluster tests' lease: a frozen holder's lease must outlast a control message on a busy machine.
const LEASE_MS = 4_000;
const SECRET = 'test-cluster-secret-0123456789abcdef0123456789';

interface Joined {
  status: number;
  participantId: string;
  token: string;
}

/** A join sent from `localAddress` (a loopback address of its own, so each test has its own budget of joins). */
function joinFrom(
  server: RunningServer,
  board: { boardId: string; joinCode: string },
  localAddress: string,
  headers: Record<string, string> = {},
): Promise<Joined> {
  const body = JSON.stringify({ code: board.joinCode, name: `From ${localAddress}` });
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${server.baseUrl}/api/boards/${board.boardId}/join`,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.once('end', () => resolve({ status: res.statusCode ?? 0, ...(text ? JSON.parse(text) : {}) }));
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}

async function metric(server: RunningServer, name: string): Promise<number> {
  const text = await (await fetch(`${server.baseUrl}/metrics`)).text();
  return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
}

/** A board whose lease `holder` takes: its facilitator connects there first. */
async function heldBoard(holder: RunningServer, title: string) {
  const board = await createBoard(holder.baseUrl, title);
  const facilitator = connect(holder.wsUrl, board.boardId, board.facilitatorToken);
  await facilitator.synced();
  onTestFinished(() => facilitator.destroy());
  return { board, facilitator };
}

async function ok(server: RunningServer, board: { boardId: string; facilitatorToken: string }, body: unknown) {
  const sent = await command(server.baseUrl, board.boardId, board.facilitatorToken, body);
  expect(sent.status, JSON.stringify(sent.json)).toBe(200);
}

const reconnected = (client: TestClient) =>
  client.closes.length > 0 && client.provider.wsconnected && client.provider.synced;

describe.skipIf(!hasServices())('cluster control messages', { timeout: 90_000 }, () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await startCluster('cluster_control', 3, {
      CLUSTER_SECRET: SECRET,
      LEASE_TTL_MS: String(LEASE_MS),
      JOINS_PER_MINUTE: String(JOINS_PER_MINUTE),
    });
  }, 180_000);
  afterAll(async () => {
    await cluster?.stop();
  }, 120_000);

  it('a removal sent to one server closes the person’s sockets on all three with 4401', async () => {
    const [a, b, c] = cluster.servers;
    const { board } = await heldBoard(a!, 'Removal everywhere');
    const person = await joinFrom(b!, board, '127.0.0.11');
    expect(person.status).toBe(201);
    const sockets = [a!, b!, c!].map((server) => connect(server.wsUrl, board.boardId, person.token));
    onTestFinished(() => sockets.forEach((socket) => socket.destroy()));
    await Promise.all(sockets.map((socket) => socket.synced()));
    await ok(c!, board, { type: 'removeParticipant', participantId: person.participantId });
    for (const socket of sockets)
      await expect.poll(() => socket.closes[0]?.code, { timeout: 10_000, interval: 20 }).toBe(4401);
  });

  it('a proxying server closes a removed person’s socket itself, while the holder cannot', async () => {
    const [a, b] = cluster.servers;
    const { board } = await heldBoard(a!, 'Removal heard');
    const person = await joinFrom(a!, board, '127.0.0.12');
    expect(person.status).toBe(201);
    const proxied = connect(b!.wsUrl, board.boardId, person.token);
    onTestFinished(() => proxied.destroy());
    await proxied.synced();
    // The holder's removal, as it announces it, while the holder itself is frozen: only b can close the socket.
    const { default: pg } = await import('pg');
    const db = new pg.Client({ connectionString: cluster.databaseUrl });
    await db.connect();
    await db.query('UPDATE participants SET is_removed = TRUE WHERE board_id = $1 AND participant_id = $2', [
      board.boardId,
      person.participantId,
    ]);
    await db.end();
    const { Redis } = await import('ioredis');
    const redis = new Redis(cluster.redis.url);
    a!.signal('SIGSTOP');
    try {
      const message = { type: 'participantRemoved', boardId: board.boardId, participantId: person.participantId };
      await redis.publish('scopeboard:control', JSON.stringify({ ...message, from: 'holder' }));
      // Without the message b would only notice the holder's lease lapsing (1012), then the refused token (4401).
      await expect.poll(() => proxied.closes.length, { timeout: 10_000, interval: 5 }).toBeGreaterThan(0);
    } finally {
      a!.signal('SIGCONT');
      redis.disconnect();
    }
    expect(proxied.closes[0]).toEqual({ code: 4401, reason: 'You were removed from this board by the facilitator.' });
  });

  it('the new holder runs the session clock after a SIGKILL, and the deadline fires there', async () => {
    const [a, b] = cluster.servers;
    const { board, facilitator } = await heldBoard(a!, 'Clock moves');
    const watcher = connect(b!.wsUrl, board.boardId, board.facilitatorToken);
    onTestFinished(() => watcher.destroy());
    await watcher.synced();
    await ok(a!, board, { type: 'setAutoAdvance', enabled: true });
    // 3 s: usually after the takeover (re-armed on load), otherwise fired at once when the board is loaded.
    await ok(a!, board, { type: 'startPhase', phase: 'post', minutes: 0.05 });
    await a!.kill();
    onTestFinished(() => a!.restart());
    facilitator.destroy();
    await expect.poll(() => reconnected(watcher), { timeout: 40_000 }).toBe(true);
    // Time is up: with auto-advance the holder's clock opens the "need more time?" poll.
    await expect.poll(() => readBoard(watcher.doc).session.moreTimePoll, { timeout: 40_000 }).not.toBeNull();
    await ok(b!, board, { type: 'setAutoAdvance', enabled: false });
  });

  it('a holder paused past its lease disarms its deadline timer when it wakes; the new holder armed it', async () => {
    const servers = cluster.servers;
    const [a, b] = servers;
    const { board, facilitator } = await heldBoard(a!, 'Clock pauses');
    const watcher = connect(b!.wsUrl, board.boardId, board.facilitatorToken);
    onTestFinished(() => watcher.destroy());
    await watcher.synced();
    await ok(a!, board, { type: 'setAutoAdvance', enabled: true });
    // Far off: no deadline fires during the test, so a timer gone from a is one that was disarmed.
    await ok(a!, board, { type: 'startPhase', phase: 'post', minutes: 30 });
    const timers = () => Promise.all(servers.map((server) => metric(server, 'scopeboard_deadline_timers')));
    expect(await timers()).toEqual([1, 0, 0]);
    a!.signal('SIGSTOP');
    try {
      await expect.poll(() => reconnected(watcher), { timeout: 40_000 }).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, LEASE_MS));
    } finally {
      a!.signal('SIGCONT');
    }
    facilitator.destroy();
    // b took the board (its proxied socket noticed the lapsed lease) and re-armed the clock when it loaded it.
    await expect.poll(timers, { timeout: 20_000 }).toEqual([0, 1, 0]);
    await ok(b!, board, { type: 'setAutoAdvance', enabled: false });
    await expect.poll(timers, { timeout: 20_000 }).toEqual([0, 0, 0]);
  });

  it('joins forwarded to the holder count against the person’s address, not the forwarding server’s', async () => {
    const [a, b, c] = cluster.servers;
    const { board } = await heldBoard(a!, 'Rate limits');
    const x = '127.0.0.21';
    // x's joins through b and c all land in x's bucket on the holder, and it runs out there.
    const status = async (server: RunningServer, from: string) => (await joinFrom(server, board, from)).status;
    for (let i = 0; i < JOINS_PER_MINUTE; i++) expect(await status(i % 2 ? c! : b!, x)).toBe(201);
    expect(await status(c!, x)).toBe(429);
    expect(await status(a!, x)).toBe(429);
    // Other people behind the same forwarding servers are not held back by x.
    expect(await status(b!, '127.0.0.22')).toBe(201);
    expect(await status(c!, '127.0.0.23')).toBe(201);
  });

  it('the holder ignores an address claim that is not signed with the cluster secret', async () => {
    const [a, b] = cluster.servers;
    const { board } = await heldBoard(a!, 'Spoofed address');
    const z = '127.0.0.31';
    const claim = (n: number) => ({
      'x-scopeboard-client': `10.0.0.${n}`,
      'x-scopeboard-client-signature': 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    });
    // Straight to the holder posing as a peer, and through b (which drops the claim and vouches for z itself).
    const sent = async (server: RunningServer, n: number) =>
      (await joinFrom(server, board, z, server === a ? { ...claim(n), 'x-scopeboard-forwarded': '1' } : claim(n)))
        .status;
    for (let i = 0; i < JOINS_PER_MINUTE; i++) expect(await sent(i % 2 ? b! : a!, i)).toBe(201);
    expect(await sent(a!, 9)).toBe(429);
    expect(await sent(b!, 10)).toBe(429);
  });
});
