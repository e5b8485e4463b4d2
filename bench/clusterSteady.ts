// Boards and sockets per server at steady state: the same rooms on three servers or on one, with writers posting,
// measured from each server's /metrics (resident memory, CPU) and at the receivers (fan-out latency).
import { nanoid } from 'nanoid';
import { command, createBoard, join } from '../tests/helpers/api.ts';
import { connect, type TestClient } from '../tests/helpers/clients.ts';
import type { RunningServer } from '../tests/helpers/startServer.ts';
import { addNote } from '@shared/doc/ops.ts';
import { boardMaps } from '@shared/doc/boardDoc.ts';
import { summarize, type Summary } from './stats.ts';

export interface SteadyOptions {
  boards: number;
  /** Sockets per board: the facilitator, one writer, and receivers. */
  sockets: number;
  /** How long the measured window lasts. */
  seconds: number;
  /** Notes each board's writer posts per second. */
  notesPerSecond: number;
}

export interface ServerFigures {
  rooms: number;
  connections: number;
  idleRssMb: number;
  rssMb: number;
  /** CPU over the measured window, as a share of one core. */
  cpu: number;
}

export interface SteadyResult {
  servers: ServerFigures[];
  fanout: Summary;
  /** Notes posted in the window, and deliveries expected (notes x receivers) against those measured. */
  notes: number;
  expected: number;
  /** Close codes the clients saw (from setup to the end), and clients not connected at the end. */
  closes: Record<number, number>;
  disconnected: number;
}

async function metrics(server: RunningServer): Promise<Record<string, number>> {
  const text = await (await fetch(`${server.baseUrl}/metrics`)).text();
  const values: Record<string, number> = {};
  for (const match of text.matchAll(/^(scopeboard_[a-z_]+) (\S+)$/gm)) values[match[1]!] = Number(match[2]);
  return values;
}

const rssMb = (m: Record<string, number>) =>
  Math.round((m.scopeboard_process_process_resident_memory_bytes ?? 0) / 1e6);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Board i is held by server i mod n (its facilitator connects there first); its other sockets are spread over all
 * servers in turn, as a round-robin load balancer would (so with three servers two sockets in three are proxied).
 */
export async function steadyState(servers: RunningServer[], options: SteadyOptions): Promise<SteadyResult> {
  const idle = await Promise.all(servers.map(metrics));
  const clients: TestClient[] = [];
  const latencies: number[] = [];
  const sentAt = new Map<string, number>();
  const writers: { client: TestClient; participantId: string }[] = [];
  let notes = 0;
  let next = 0;
  const spread = () => servers[next++ % servers.length]!;
  for (let b = 0; b < options.boards; b++) {
    const holder = servers[b % servers.length]!;
    const board = await createBoard(holder.baseUrl, `Steady ${b}`);
    const facilitator = connect(holder.wsUrl, board.boardId, board.facilitatorToken);
    await facilitator.synced();
    await command(holder.baseUrl, board.boardId, board.facilitatorToken, { type: 'startPhase', phase: 'post' });
    const person = await join(holder.baseUrl, board.boardId, board.joinCode, 'Writer');
    const writer = connect(spread().wsUrl, board.boardId, person.token);
    const receivers = Array.from({ length: Math.max(0, options.sockets - 2) }, () => {
      const receiver = connect(spread().wsUrl, board.boardId, board.facilitatorToken);
      boardMaps(receiver.doc).notes.observe((event) => {
        const now = performance.now();
        for (const [key, change] of event.changes.keys)
          if (change.action === 'add' && sentAt.has(key)) latencies.push(now - sentAt.get(key)!);
      });
      return receiver;
    });
    await Promise.all([writer, ...receivers].map((client) => client.synced()));
    clients.push(facilitator, writer, ...receivers);
    writers.push({ client: writer, participantId: person.participantId });
  }
  // Settle (loads, first awareness round), then measure one window.
  await sleep(5_000);
  const before = await Promise.all(servers.map(metrics));
  const startedAt = performance.now();
  const intervalMs = 1000 / options.notesPerSecond;
  const writing = writers.map(async ({ client, participantId }, w) => {
    // Staggered, so the boards' notes do not all arrive in the same millisecond.
    await sleep((w / writers.length) * intervalMs);
    for (let n = 0; performance.now() - startedAt < options.seconds * 1000; n++) {
      const id = nanoid();
      notes++;
      sentAt.set(id, performance.now());
      addNote(client.doc, {
        id,
        areaId: 'ex1-a1',
        text: `Steady ${w}-${n}`,
        author: { id: participantId, name: 'Writer', role: 'participant' },
        createdAt: Date.now(),
      });
      await sleep(intervalMs);
    }
  });
  await Promise.all(writing);
  const after = await Promise.all(servers.map(metrics));
  const wallSeconds = (performance.now() - startedAt) / 1000;
  // Late deliveries count too (a slow one is what p99 is for): wait for them, up to 30 s.
  const expected = notes * Math.max(0, options.sockets - 2);
  for (let waited = 0; latencies.length < expected && waited < 30_000; waited += 100) await sleep(100);
  const closes: Record<number, number> = {};
  for (const client of clients) for (const { code } of client.closes) closes[code] = (closes[code] ?? 0) + 1;
  const disconnected = clients.filter((client) => !client.provider.wsconnected).length;
  for (const client of clients) client.destroy();
  return {
    notes,
    expected,
    closes,
    disconnected,
    servers: servers.map((_, i) => ({
      rooms: after[i]!.scopeboard_rooms ?? 0,
      connections: after[i]!.scopeboard_connections ?? 0,
      idleRssMb: rssMb(idle[i]!),
      rssMb: rssMb(after[i]!),
      cpu:
        Math.round(
          (((after[i]!.scopeboard_process_process_cpu_seconds_total ?? 0) -
            (before[i]!.scopeboard_process_process_cpu_seconds_total ?? 0)) /
            wallSeconds) *
            100,
        ) / 100,
    })),
    fanout: summarize(latencies),
  };
}
