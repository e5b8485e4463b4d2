// The fan-out scenario: many clients in rooms, some writing notes; latency from write to the last holder.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { nanoid } from 'nanoid';
import { addNote } from '@shared/doc/ops.ts';
import { openBenchClient, newCounters, type BenchClient, type WireCounters } from './benchClient.ts';
import { inBatches, prepareRooms } from './prepareRooms.ts';
import { cpuShare, sampleProc, sampleSystem } from './procStats.ts';
import { summarize, type Summary } from './stats.ts';
import type { Target } from './targets.ts';

export interface FanoutScenario {
  name: string;
  boards: number;
  clientsPerBoard: number;
  writersPerBoard: number;
  /** Measured writes, spread evenly over all writers; preceded by `warmupWrites` unmeasured ones. */
  writes: number;
  warmupWrites: number;
  /** Aggregate write rate over all boards. */
  writesPerSecond: number;
}

export interface FanoutResult {
  target: string;
  scenario: string;
  sockets: number;
  /** Per note: from the write to the moment the last other client of its room held it (ms). */
  lastHolder: Summary;
  /** Per delivery: from the write to each receiving client (ms). */
  delivery: Summary;
  notesMissing: number;
  unexpectedCloses: number;
  serverCpuShare: number;
  serverRssMb: number;
  benchCpuShare: number;
  benchLoopDelayP99Ms: number;
  /** Cores busy with other work (neither this server nor the bench) during the measured writes; steal included. */
  otherCpuShare: number;
  /** Sync-frame bytes per note: sent by the writer, and received per receiving client. */
  bytesOutPerNote: number;
  bytesInPerDelivery: number;
  setupMs: number;
  /** Measured notes in write order: [ms since the first measured write, last-holder latency ms]. */
  timeline: [number, number][];
  error?: string;
}

const AREAS = ['ex1-a1', 'ex1-a2', 'ex1-a3', 'ex1-a4', 'ex1-a5'];
const now = () => performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** 50 loopback source addresses: about 40 sockets each at 2,000, below our default per-address cap of 200. */
const sourceAddress = (i: number) => `127.0.0.${2 + (i % 50)}`;

interface Pending {
  sentAt: number;
  expected: number;
  received: number;
  lastAt: number;
  isMeasured: boolean;
}

export async function runFanout(target: Target, scenario: FanoutScenario, seed: Uint8Array): Promise<FanoutResult> {
  const setupStart = now();
  const plans = await prepareRooms(target, scenario.boards, scenario.clientsPerBoard, seed);
  const pending = new Map<string, Pending>();
  const deliveries: number[] = [];
  const counters: WireCounters = newCounters();
  const onRemoteNote = (noteId: string, at: number) => {
    const entry = pending.get(noteId);
    if (!entry) return;
    entry.received++;
    entry.lastAt = Math.max(entry.lastAt, at);
    if (entry.isMeasured) deliveries.push(at - entry.sentAt);
  };
  const rooms: BenchClient[][] = plans.map(() => []);
  const flat = plans.flatMap((plan, r) => plan.members.map((member) => ({ plan, member, r })));
  const clients: BenchClient[] = [];
  const result = (extra: Partial<FanoutResult>): FanoutResult => ({
    target: target.kind,
    scenario: scenario.name,
    sockets: flat.length,
    lastHolder: summarize([]),
    delivery: summarize([]),
    notesMissing: 0,
    unexpectedCloses: 0,
    serverCpuShare: 0,
    serverRssMb: 0,
    benchCpuShare: 0,
    benchLoopDelayP99Ms: 0,
    otherCpuShare: 0,
    bytesOutPerNote: 0,
    bytesInPerDelivery: 0,
    setupMs: Math.round(now() - setupStart),
    timeline: [],
    ...extra,
  });
  try {
    // Connect in waves so the handshake burst does not itself become the benchmark.
    await inBatches(flat, 50, async ({ plan, member, r }, i) => {
      const client = openBenchClient({
        providerUrl: target.providerUrl,
        room: plan.room,
        token: member.token,
        author: member.author,
        localAddress: sourceAddress(i),
        counters,
        protocol: target.protocol,
        seed: plan.seed,
        onRemoteNote,
        now,
      });
      clients.push(client);
      rooms[r]!.push(client);
      await client.synced(60_000);
    });
    const setupMs = Math.round(now() - setupStart);
    // Let awareness and join traffic settle before measuring.
    await sleep(1500);

    const writers = rooms.flatMap((members, r) =>
      members.slice(0, scenario.writersPerBoard).map((client) => ({ client, r })),
    );
    const total = scenario.warmupWrites + scenario.writes;
    const interval = 1000 / scenario.writesPerSecond;
    const loop = monitorEventLoopDelay({ resolution: 5 });
    let serverBefore = sampleProc(target.pid);
    let systemBefore = sampleSystem();
    let benchBefore = { cpu: process.cpuUsage(), at: now() };
    const countersAtStart = { ...counters };
    const t0 = now();
    for (let n = 0; n < total; n++) {
      if (n === scenario.warmupWrites) {
        serverBefore = sampleProc(target.pid);
        systemBefore = sampleSystem();
        benchBefore = { cpu: process.cpuUsage(), at: now() };
        Object.assign(countersAtStart, counters);
        loop.enable();
      }
      // Open loop: each write has its slot on a fixed schedule, whatever the previous ones took.
      const wait = t0 + n * interval - now();
      if (wait > 0) await sleep(wait);
      const { client, r } = writers[n % writers.length]!;
      const id = nanoid();
      const sentAt = now();
      pending.set(id, {
        sentAt,
        expected: rooms[r]!.length - 1,
        received: 0,
        lastAt: 0,
        isMeasured: n >= scenario.warmupWrites,
      });
      const posted = addNote(client.doc, {
        id,
        areaId: AREAS[n % AREAS.length]!,
        text: `bench note ${n} sent at ${sentAt.toFixed(3)}`,
        author: client.author,
        createdAt: Date.now(),
      });
      if (!posted.ok) throw new Error(`addNote refused locally: ${posted.reason}`);
    }
    const deadline = now() + 15_000;
    const isDone = () => [...pending.values()].every((p) => p.received >= p.expected);
    while (!isDone() && now() < deadline) await sleep(20);
    loop.disable();
    const serverAfter = sampleProc(target.pid);
    const systemAfter = sampleSystem();
    const benchCpu = process.cpuUsage(benchBefore.cpu);
    const benchWall = now() - benchBefore.at;
    const benchCpuMs = (benchCpu.user + benchCpu.system) / 1000;
    const otherMs =
      systemAfter.busyMs -
      systemBefore.busyMs +
      (systemAfter.stealMs - systemBefore.stealMs) -
      (serverAfter.cpuMs - serverBefore.cpuMs) -
      benchCpuMs;

    const measured = [...pending.values()].filter((p) => p.isMeasured);
    const complete = measured.filter((p) => p.received >= p.expected);
    const deliveredCount = measured.reduce((sum, p) => sum + p.received, 0);
    return result({
      setupMs,
      lastHolder: summarize(complete.map((p) => p.lastAt - p.sentAt)),
      timeline: complete.map((p) => [
        Math.round(p.sentAt - (measured[0]?.sentAt ?? 0)),
        Math.round((p.lastAt - p.sentAt) * 10) / 10,
      ]),
      delivery: summarize(deliveries),
      notesMissing: measured.length - complete.length,
      unexpectedCloses: clients.reduce((sum, c) => sum + c.closes.length, 0),
      serverCpuShare: Math.round(cpuShare(serverBefore, serverAfter) * 100) / 100,
      serverRssMb: Math.round(serverAfter.rssBytes / 1e6),
      benchCpuShare: Math.round((benchCpuMs / benchWall) * 100) / 100,
      otherCpuShare: Math.round((Math.max(0, otherMs) / benchWall) * 100) / 100,
      benchLoopDelayP99Ms: Math.round(loop.percentile(99) / 1e4) / 100,
      bytesOutPerNote: Math.round((counters.syncOut - countersAtStart.syncOut) / measured.length),
      bytesInPerDelivery: Math.round((counters.syncIn - countersAtStart.syncIn) / Math.max(1, deliveredCount)),
    });
  } catch (error) {
    return result({ error: (error as Error).message });
  } finally {
    for (const client of clients) client.destroy();
  }
}
