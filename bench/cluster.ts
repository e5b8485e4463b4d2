// `npx tsx bench/cluster.ts --help`: boards and sockets per server at steady state (three servers against one),
// proxied vs direct fan-out, and takeover time after a holder dies.
import os from 'node:os';
import { nanoid } from 'nanoid';
import { command, createBoard, join } from '../tests/helpers/api.ts';
import { connect, type TestClient } from '../tests/helpers/clients.ts';
import { startCluster, TEST_LEASE_MS } from '../tests/helpers/cluster.ts';
import type { RunningServer } from '../tests/helpers/startServer.ts';
import { addNote } from '@shared/doc/ops.ts';
import { boardMaps } from '@shared/doc/boardDoc.ts';
import { summarize } from './stats.ts';
import { steadyState, type SteadyOptions, type SteadyResult } from './clusterSteady.ts';
import { argValue } from './cliArg.ts';

const HELP = `npx tsx bench/cluster.ts [options]   (needs redis-server and PostgreSQL, as the cluster tests do)

  --parts=steady,fanout,takeover  which measures to run (default: all three)
  --boards=60 --sockets=20        steady state: boards, and sockets per board (facilitator, writer, receivers)
  --seconds=20 --rate=0.25        steady state: measured window, and notes per second each board's writer posts
  --receivers=20 --notes=200      fan-out: receivers each way (direct, proxied), and notes at 20 a second
  --kills=20                      takeover: how many holders to SIGKILL, one after another

Steady state runs the same boards on three servers, then on one (each with its own Redis and PostgreSQL,
LEASE_TTL_MS=5000); fan-out and takeover run on three servers with LEASE_TTL_MS=${TEST_LEASE_MS}. Print \`uptime\` with the figures: on a busy machine they are indicative.`;

if (process.argv.includes('--help')) {
  console.log(HELP);
  process.exit(0);
}

const arg = (name: string, fallback: number) => Number(argValue(name) ?? fallback);
const KILLS = arg('kills', 20);
const RECEIVERS = arg('receivers', 20);
const NOTES = arg('notes', 200);
const PARTS = new Set((argValue('parts') ?? 'steady,fanout,takeover').split(','));
const STEADY: SteadyOptions = {
  boards: arg('boards', 60),
  sockets: arg('sockets', 20),
  seconds: arg('seconds', 20),
  notesPerSecond: arg('rate', 0.25),
};
// Every bench socket comes from 127.0.0.1: lift the per-address cap, which is the load balancer's job here.
const ENV = { MAX_CONNECTIONS_PER_ADDRESS: '1000000' };
const STEADY_LEASE_MS = 5_000;

const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

function printSteady(label: string, result: SteadyResult): void {
  console.log(`steady state, ${label}: fan-out ms ${JSON.stringify(result.fanout)}`);
  console.log(
    `  ${result.notes} notes, ${result.fanout.count} of ${result.expected} deliveries measured; closes seen ${JSON.stringify(result.closes)}, ${result.disconnected} clients not connected at the end`,
  );
  for (const [i, s] of result.servers.entries())
    console.log(
      `  server ${i}: ${s.rooms} rooms, ${s.connections} sockets, RSS ${s.idleRssMb} MB idle -> ${s.rssMb} MB, CPU ${s.cpu} core`,
    );
}

const until = async (isDone: () => boolean, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!isDone()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

/** A board whose lease `holder` takes (its facilitator connects there first), in the posting phase. */
async function heldBoard(holder: RunningServer) {
  const board = await createBoard(holder.baseUrl, 'Bench');
  const facilitator = connect(holder.wsUrl, board.boardId, board.facilitatorToken);
  await facilitator.synced();
  await command(holder.baseUrl, board.boardId, board.facilitatorToken, { type: 'startPhase', phase: 'post' });
  return { board, facilitator };
}

/** Kill the holder, time until a client proxied through a survivor has resynced with the new holder. */
async function takeovers(servers: RunningServer[]): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < KILLS; i++) {
    const holder = servers[i % servers.length]!;
    const survivor = servers[(i + 1) % servers.length]!;
    const { board, facilitator } = await heldBoard(holder);
    const client = connect(survivor.wsUrl, board.boardId, board.facilitatorToken);
    await client.synced();
    const killedAt = performance.now();
    await holder.kill();
    facilitator.destroy();
    await until(() => client.closes.length > 0 && client.provider.wsconnected && client.provider.synced);
    times.push(performance.now() - killedAt);
    client.destroy();
    await holder.restart();
  }
  return times;
}

/** One writer on the holder; receivers connected directly to it, and as many through another server. */
async function fanout(holder: RunningServer, other: RunningServer) {
  const { board, facilitator } = await heldBoard(holder);
  const person = await join(holder.baseUrl, board.boardId, board.joinCode, 'Writer');
  const writer = connect(holder.wsUrl, board.boardId, person.token);
  const sentAt = new Map<string, number>();
  const latencies = { direct: [] as number[], proxied: [] as number[] };
  const receivers: TestClient[] = [];
  for (const [kind, server] of [
    ['direct', holder],
    ['proxied', other],
  ] as const) {
    for (let r = 0; r < RECEIVERS; r++) {
      const receiver = connect(server.wsUrl, board.boardId, board.facilitatorToken);
      boardMaps(receiver.doc).notes.observe((event) => {
        const now = performance.now();
        for (const [key, change] of event.changes.keys)
          if (change.action === 'add' && sentAt.has(key)) latencies[kind].push(now - sentAt.get(key)!);
      });
      receivers.push(receiver);
    }
  }
  await Promise.all([writer, ...receivers].map((c) => c.synced()));
  for (let n = 0; n < NOTES; n++) {
    const id = nanoid();
    sentAt.set(id, performance.now());
    addNote(writer.doc, {
      id,
      areaId: 'ex1-a1',
      text: `Fan-out ${n}`,
      author: { id: person.participantId, name: 'Writer', role: 'participant' },
      createdAt: Date.now(),
    });
    // 20 notes a second: a busy room, well under the per-connection rate limit.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await until(() => latencies.direct.length + latencies.proxied.length >= 2 * RECEIVERS * NOTES);
  for (const client of [writer, facilitator, ...receivers]) client.destroy();
  return { direct: summarize(latencies.direct), proxied: summarize(latencies.proxied) };
}

// Every y-websocket provider, and each cluster's servers, Redis and PostgreSQL, register an exit hook.
process.setMaxListeners(0);
console.log(`load average before: ${load()} (${os.cpus().length} cores)`);
const steadyLabel = `${STEADY.boards} boards x ${STEADY.sockets} sockets, ${STEADY.notesPerSecond} notes/s per board for ${STEADY.seconds} s`;

/** Runs `task` on a fresh cluster of `count` servers (its own Redis and PostgreSQL), then stops it. */
async function withCluster<T>(
  name: string,
  count: number,
  env: Record<string, string>,
  task: (servers: RunningServer[]) => Promise<T>,
): Promise<T> {
  const cluster = await startCluster(`bench_${name}_${process.pid}`, count, env);
  try {
    return await task(cluster.servers);
  } finally {
    await cluster.stop();
    console.log(`load average: ${load()}`);
  }
}

if (PARTS.has('steady')) {
  // The production lease (5 s): a steady state on a loaded machine must not be a string of 1.5 s lease losses.
  const env = { ...ENV, LEASE_TTL_MS: String(STEADY_LEASE_MS) };
  for (const count of [3, 1]) {
    const result = await withCluster(`steady${count}`, count, env, (servers) => steadyState(servers, STEADY));
    printSteady(`${count === 1 ? 'one server' : `${count} servers`}, ${steadyLabel}`, result);
  }
}
if (PARTS.has('fanout') || PARTS.has('takeover')) {
  await withCluster('failover', 3, ENV, async (servers) => {
    if (PARTS.has('fanout')) {
      const fan = await fanout(servers[0]!, servers[1]!);
      console.log(
        `fan-out, ${RECEIVERS} receivers each way, ${NOTES} notes (ms from the writer's change to a receiver's doc):`,
      );
      console.log(`  direct : ${JSON.stringify(fan.direct)}`);
      console.log(`  proxied: ${JSON.stringify(fan.proxied)}`);
      console.log(`load average: ${load()}`);
    }
    if (PARTS.has('takeover')) {
      const times = await takeovers(servers);
      console.log(
        `takeover after SIGKILL (${KILLS} kills, LEASE_TTL_MS=${TEST_LEASE_MS}; kill -> proxied client resynced, ms): ${JSON.stringify(summarize(times))}`,
      );
    }
  });
}
