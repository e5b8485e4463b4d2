// The bench's load generator: bench clients spread over several child processes, so the generator is not the bottleneck.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ClientSpec, WorkerReply, WorkerRequest } from './loadProtocol.ts';
import { sampleProc, type ProcSample } from './procStats.ts';
import { ROOT } from './targets.ts';

export interface GeneratorLoad {
  /** Each generator process's CPU (cores) and event-loop delay p99 (ms) over the step. */
  cpuShares: number[];
  /** Each generator process's CPU time over the step (ms): with the deliveries, its cost per delivery, whatever the machine's load. */
  cpuMs: number[];
  loopDelayP99Ms: number[];
}

export interface StepOutcome extends GeneratorLoad {
  /** Per note n: [sentAt, deliveries, last arrival] in epoch ms (deliveries 0 and last NaN when none arrived). */
  notes: { sentAt: number; deliveries: number; lastAt: number }[];
  closes: number;
}

interface Worker {
  child: ChildProcess;
  pid: number;
  pending: ((reply: WorkerReply) => void)[];
}

function ask(worker: Worker, request: WorkerRequest): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    worker.pending.push((reply) =>
      reply.type === 'error' ? reject(new Error(`load generator ${worker.pid}: ${reply.message}`)) : resolve(reply),
    );
    worker.child.send(request);
  });
}

export class LoadGenerator {
  private constructor(
    private readonly workers: Worker[],
    private readonly owner: Map<number, Worker>,
  ) {}

  static start(processes: number): LoadGenerator {
    const workers = Array.from({ length: processes }, () => {
      const { NODE_OPTIONS: _ignored, ...env } = process.env;
      // BENCH_GENERATOR_PROF_DIR=<dir>: each generator process writes a CPU profile there when it stops.
      const profileDir = process.env.BENCH_GENERATOR_PROF_DIR;
      const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
      const child = fork(path.join(ROOT, 'bench/loadWorker.ts'), [], {
        cwd: ROOT,
        env,
        execArgv: [...profile, '--import', 'tsx'],
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      const worker: Worker = { child, pid: child.pid!, pending: [] };
      child.on('message', (reply: WorkerReply) => worker.pending.shift()?.(reply));
      child.on('exit', (code) => {
        for (const waiting of worker.pending.splice(0)) waiting({ type: 'error', message: `exited with ${code}` });
      });
      return worker;
    });
    return new LoadGenerator(workers, new Map());
  }

  get pids(): number[] {
    return this.workers.map((w) => w.pid);
  }

  sample(): ProcSample[] {
    return this.workers.map((w) => sampleProc(w.pid));
  }

  /** Opens the clients, client i in process i mod N (the members of a room land in several processes), and waits until all are synced. */
  async open(specs: ClientSpec[]): Promise<void> {
    const shares = this.workers.map(() => [] as ClientSpec[]);
    specs.forEach((spec, i) => {
      shares[i % this.workers.length]!.push(spec);
      this.owner.set(spec.index, this.workers[i % this.workers.length]!);
    });
    await Promise.all(this.workers.map((w, i) => ask(w, { type: 'open', clients: shares[i]! })));
  }

  /**
   * Writes note n from client writers[n] at the slot startAt + n / rate, then waits until every note has
   * reached `expected(n)` other clients, or `timeoutMs` after the last slot.
   */
  async step(
    key: string,
    writers: number[],
    rate: number,
    expected: (n: number) => number,
    timeoutMs: number,
  ): Promise<StepOutcome> {
    const intervalMs = 1000 / rate;
    const startAt = performance.timeOrigin + performance.now() + 300;
    // Each process gets the whole schedule and writes only its own clients' slots.
    await Promise.all(
      this.workers.map((w) =>
        ask(w, {
          type: 'step',
          key,
          startAt,
          intervalMs,
          writers: writers.map((c) => (this.owner.get(c) === w ? c : -1)),
        }),
      ),
    );
    const total = writers.reduce((sum, _c, n) => sum + expected(n), 0);
    const endAt = startAt + writers.length * intervalMs;
    const deadline = endAt + timeoutMs;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const now = performance.timeOrigin + performance.now();
      if (now < endAt) continue;
      const progress = await Promise.all(this.workers.map((w) => ask(w, { type: 'progress' })));
      const received = progress.reduce((sum, p) => sum + (p.type === 'progress' ? p.received : 0), 0);
      if (received >= total || now > deadline) break;
    }
    const replies = await Promise.all(this.workers.map((w) => ask(w, { type: 'collect' })));
    const notes = writers.map(() => ({ sentAt: NaN, deliveries: 0, lastAt: NaN }));
    const load: GeneratorLoad = { cpuShares: [], cpuMs: [], loopDelayP99Ms: [] };
    let closes = 0;
    for (const reply of replies) {
      if (reply.type !== 'collected') continue;
      for (const [n, sentAt] of reply.sent) notes[n]!.sentAt = sentAt;
      for (const [id, count, lastAt] of reply.arrivals) {
        // A straggler of an earlier step (its key differs) is not this step's note of the same number.
        if (!id.startsWith(`${key}-`)) continue;
        const note = notes[Number(id.slice(key.length + 1))];
        if (!note) continue;
        note.deliveries += count;
        note.lastAt = Number.isNaN(note.lastAt) ? lastAt : Math.max(note.lastAt, lastAt);
      }
      load.cpuShares.push(Math.round(reply.cpuShare * 100) / 100);
      load.cpuMs.push(Math.round(reply.cpuMs));
      load.loopDelayP99Ms.push(Math.round(reply.loopDelayP99Ms * 10) / 10);
      closes += reply.closes;
    }
    return { notes, closes, ...load };
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((w) => ask(w, { type: 'close' }).catch(() => undefined)));
    // Each process exits by itself after closing (so a CPU profile is written); the kill is for one that hangs.
    await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.child.exitCode !== null || w.child.signalCode !== null) return resolve();
            const timer = setTimeout(() => {
              w.child.kill();
              resolve();
            }, 5_000);
            w.child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
          }),
      ),
    );
  }
}
