// A load-generator process: holds its share of the bench clients, writes on the parent's schedule, reports arrivals and its own load.
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { addNote } from '@shared/doc/ops.ts';
import { openBenchClient, newCounters, type BenchClient } from './benchClient.ts';
import { openLeanReceiver, type LeanReceiver } from './leanClient.ts';
import { inBatches } from './prepareRooms.ts';
import type { WorkerReply, WorkerRequest } from './loadProtocol.ts';

const AREAS = ['ex1-a1', 'ex1-a2', 'ex1-a3', 'ex1-a4', 'ex1-a5'];
/** One clock for every process of the bench: epoch milliseconds at sub-millisecond resolution. */
const clock = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const clients = new Map<number, BenchClient | LeanReceiver>();
/** The current step's key: lean receivers look only for its notes. */
let stepKey = '';
const counters = newCounters();
/** Per note id of the current step: deliveries seen here and the latest arrival. */
let arrivals = new Map<string, { count: number; lastAt: number }>();
let sent: [number, number][] = [];
let loop: IntervalHistogram | undefined;
let cpuAtStep = process.cpuUsage();
let wallAtStep = clock();

const reply = (message: WorkerReply) => process.send!(message);

function onRemoteNote(noteId: string, at: number): void {
  const entry = arrivals.get(noteId);
  if (entry) {
    entry.count++;
    entry.lastAt = Math.max(entry.lastAt, at);
  } else arrivals.set(noteId, { count: 1, lastAt: at });
}

async function handle(request: WorkerRequest): Promise<void> {
  switch (request.type) {
    case 'open': {
      await inBatches(request.clients, 25, async (spec) => {
        const client = spec.isLean
          ? openLeanReceiver({ ...spec, counters, onRemoteNote, now: clock, currentKey: () => stepKey })
          : openBenchClient({ ...spec, counters, onRemoteNote, now: clock, seed: spec.seed });
        clients.set(spec.index, client);
        await client.synced(120_000);
      });
      reply({ type: 'opened', count: clients.size });
      return;
    }
    case 'step': {
      arrivals = new Map();
      sent = [];
      stepKey = request.key;
      loop?.disable();
      loop = monitorEventLoopDelay({ resolution: 5 });
      loop.enable();
      cpuAtStep = process.cpuUsage();
      wallAtStep = clock();
      reply({ type: 'stepping' });
      // Open loop: each write has its slot on the shared schedule, whatever the previous ones took.
      for (let n = 0; n < request.writers.length; n++) {
        const client = clients.get(request.writers[n]!);
        if (!client) continue;
        if (!('doc' in client)) throw new Error(`client ${request.writers[n]} is a lean receiver and cannot write`);
        const wait = request.startAt + n * request.intervalMs - clock();
        if (wait > 0) await sleep(wait);
        // Behind schedule: still yield now and then, or arrivals would wait (and be timed late) behind the writes.
        else if (n % 8 === 0) await new Promise((resolve) => setImmediate(resolve));
        const id = `${request.key}-${n}`;
        const sentAt = clock();
        const posted = addNote(client.doc, {
          id,
          areaId: AREAS[n % AREAS.length]!,
          text: `bench note ${n} of ${request.key}`,
          author: client.author,
          createdAt: Date.now(),
        });
        if (!posted.ok) throw new Error(`addNote refused locally: ${posted.reason}`);
        sent.push([n, sentAt]);
      }
      return;
    }
    case 'progress': {
      let received = 0;
      for (const entry of arrivals.values()) received += entry.count;
      reply({ type: 'progress', received, sentCount: sent.length });
      return;
    }
    case 'collect': {
      const cpu = process.cpuUsage(cpuAtStep);
      const wall = clock() - wallAtStep;
      loop?.disable();
      reply({
        type: 'collected',
        sent,
        arrivals: [...arrivals.entries()].map(([id, entry]) => [id, entry.count, entry.lastAt]),
        cpuShare: (cpu.user + cpu.system) / 1000 / Math.max(1, wall),
        cpuMs: (cpu.user + cpu.system) / 1000,
        loopDelayP99Ms: loop ? loop.percentile(99) / 1e6 : 0,
        closes: [...clients.values()].reduce((sum, c) => sum + c.closes.length, 0),
      });
      return;
    }
    case 'close': {
      for (const client of clients.values()) client.destroy();
      clients.clear();
      reply({ type: 'closed' });
      // Exit once the reply is out (a CPU profile, when asked for, is written on exit).
      setTimeout(() => process.exit(0), 50);
      return;
    }
  }
}

process.setMaxListeners(0);
process.on('message', (request: WorkerRequest) => {
  handle(request).catch((error: unknown) => reply({ type: 'error', message: (error as Error).stack ?? String(error) }));
});
