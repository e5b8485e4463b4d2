// Round-2 scenarios over the multi-process generator: fan-out at stepped rates (to the knee), and idle sockets' memory.
import os from 'node:os';
import type { ClientSpec, GeneratorMode } from './loadProtocol.ts';
import { LoadGenerator } from './loadGenerator.ts';
import { prepareRooms } from './prepareRooms.ts';
import { cpuShare, sampleProc, sampleSystem } from './procStats.ts';
import { summarize, type Summary } from './stats.ts';
import { sampleMemory, startTarget, type Target, type TargetKind } from './targets.ts';

export interface StepScenario {
  key: string;
  name: string;
  boards: number;
  clientsPerBoard: number;
  writersPerBoard: number;
  /** Aggregate notes per second of each step, in order; a step passes while p99 <= 100 ms and no note is missing. */
  rates: number[];
  secondsPerStep: number;
}

export interface StepResult {
  target: TargetKind;
  scenario: string;
  sockets: number;
  rate: number;
  notes: number;
  lastHolder: Summary;
  notesMissing: number;
  /** Deliveries counted over all notes, and how many a complete step has (notes x other clients of the room). */
  deliveries: number;
  expectedDeliveries: number;
  closes: number;
  serverCpuShare: number;
  /** Server CPU time per accepted note (us). */
  serverCpuUsPerNote: number;
  serverRssMb: number;
  generatorCpu: number[];
  generatorLoopDelayP99Ms: number[];
  /** The generator processes' CPU time over the step per delivery counted (us): CPU, so a loaded machine does not move it much. */
  generatorCpuUsPerDelivery: number;
  /** How the receivers were built (writers are stock providers either way). */
  generator: GeneratorMode;
  /** The machine's 1-minute load average at the end of the step. */
  loadAverage: number;
  /** Cores busy with other work (neither the server nor the generators) over the step, steal included. */
  otherCpuShare: number;
  isPast: boolean;
  /** With --interleave: the round this step was measured in (targets take turns within a round). */
  round?: number;
}

export interface IdleResult {
  target: TargetKind;
  sockets: number;
  boards: number;
  baseRssMb: number;
  baseHeapMb: number;
  rssPerSocketKib: number;
  heapPerSocketKib: number;
  /** The second half of the sockets only (memory at N minus memory at N/2): what one more socket costs once code is compiled and the first rooms are warm. */
  marginalRssPerSocketKib: number;
  marginalHeapPerSocketKib: number;
  /** The same 30 s later (BENCH_SETTLE_MS): once the joins' transients (young generation, WAL worker) are gone. */
  settledRssPerSocketKib: number;
  settledHeapPerSocketKib: number;
  /** V8's young generation (new space) when all sockets are open, and when settled. */
  youngMb: number;
  settledYoungMb: number;
  generator: GeneratorMode;
  error?: string;
}

const KNEE_P99_MS = 100;
/** BENCH_IDLE_WARMUP=1: the idle part opens and closes one board before its base sample (off by default: the
 * figures of earlier rounds were taken without it). */
const isWarmedUp = process.env.BENCH_IDLE_WARMUP === '1';
/** How long after the last socket opened the idle part samples memory again (BENCH_SETTLE_MS, default 30 s). */
const settleMs = Number(process.env.BENCH_SETTLE_MS ?? 30_000);
/** BENCH_KEEP_STEPPING=1 runs every rate even past the knee: on a loaded machine CPU per note is still worth reading. */
const keepStepping = process.env.BENCH_KEEP_STEPPING === '1';
/**
 * How long a step waits for late deliveries after its last write (BENCH_STEP_TIMEOUT_MS, default 10 s). Raised on a
 * loaded machine, every note is delivered, so the server's CPU per note covers all of their work.
 */
const stepTimeoutMs = Number(process.env.BENCH_STEP_TIMEOUT_MS ?? 10_000);
/**
 * Seconds of uncounted writes before a steps scenario's first counted step (BENCH_WARMUP_S, default 16; 0: none).
 * A fresh server's first counted step otherwise also carries one-off costs: its JIT, every client's first presence
 * renewal (15 s after join: an 'added' for every client, on both servers) and, for ours, the SQLite WAL
 * checkpointer's worker start (42-56 ms of CPU, some 3-4% of scenario A's step). Passing the renewals takes just
 * over 15 s; every target and generator gets the same warm-up (as the fill bench's `warmUp`).
 */
const warmUpSeconds = Number(process.env.BENCH_WARMUP_S ?? 16);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** 50 loopback source addresses: about 40 sockets each at 2,000, below our default per-address cap of 200. */
const sourceAddress = (i: number) => `127.0.0.${2 + (i % 50)}`;

/**
 * Opens `boards` rooms of `clientsPerBoard` clients. With `lean`, all but the first `lean.providersPerBoard` members
 * of each room are lean receivers; those first ones (the writers, and what seeds a seeded target's room) stay stock.
 */
export async function openRooms(
  target: Target,
  generator: LoadGenerator,
  boards: number,
  clientsPerBoard: number,
  seed: Uint8Array,
  firstBoard = 0,
  lean?: { providersPerBoard: number },
) {
  const plans = await prepareRooms(target, boards, clientsPerBoard, seed, firstBoard);
  const specs: ClientSpec[] = plans.flatMap((plan, r) =>
    plan.members.map((member, m) => ({
      index: (firstBoard + r) * clientsPerBoard + m,
      providerUrl: target.providerUrl,
      room: plan.room,
      token: member.token,
      author: member.author,
      localAddress: sourceAddress((firstBoard + r) * clientsPerBoard + m),
      protocol: target.protocol,
      seed: plan.seed,
      isLean: lean !== undefined && m >= lean.providersPerBoard,
    })),
  );
  await generator.open(specs);
  return specs;
}

/** One target with its rooms open and its generator ready: warm it up once, then measure steps at any rate. */
export interface StepRig {
  warmUp(): Promise<void>;
  /** Measures one step at `rate`; `label` names it to the generator (unique per step of this rig). */
  step(label: string, rate: number): Promise<StepResult>;
  stop(): Promise<void>;
}

/** What a steps run is made of: one target, its rooms, its load-generator processes and how they receive. */
export interface StepSetup {
  kind: TargetKind;
  scenario: StepScenario;
  seed: Uint8Array;
  processes: number;
  nodeFlags?: string[];
  mode?: GeneratorMode;
}

export async function openStepRig(setup: StepSetup): Promise<StepRig> {
  const { kind, scenario, seed, processes, nodeFlags = [], mode = 'stock' } = setup;
  const target = await startTarget(kind, { nodeFlags });
  const generator = LoadGenerator.start(processes);
  const stop = async () => {
    await generator.stop();
    await target.stop();
  };
  try {
    const lean = mode === 'lean' ? { providersPerBoard: scenario.writersPerBoard } : undefined;
    await openRooms(target, generator, scenario.boards, scenario.clientsPerBoard, seed, 0, lean);
    await sleep(1500);
  } catch (error) {
    await stop();
    throw error;
  }
  // Writers: the first writersPerBoard clients of each board, taking turns across boards.
  const writerPool = Array.from({ length: scenario.writersPerBoard }, (_, w) =>
    Array.from({ length: scenario.boards }, (_, b) => b * scenario.clientsPerBoard + w),
  ).flat();
  const writersFor = (count: number) => Array.from({ length: count }, (_, n) => writerPool[n % writerPool.length]!);
  return {
    stop,
    async warmUp() {
      const firstRate = scenario.rates[0];
      if (warmUpSeconds <= 0 || firstRate === undefined) return;
      // Writes at the first step's rate into the same rooms, not recorded: see `warmUpSeconds`.
      const startedAt = performance.now();
      const count = Math.max(20, Math.round(firstRate * warmUpSeconds));
      await generator.step(
        `${scenario.key}W`,
        writersFor(count),
        firstRate,
        () => scenario.clientsPerBoard - 1,
        stepTimeoutMs,
      );
      console.log(
        `  ${kind} warm-up: ${count} notes at ${firstRate}/s, ${((performance.now() - startedAt) / 1000).toFixed(1)} s, not counted`,
      );
      await sleep(1000);
    },
    async step(label, rate) {
      const count = Math.max(20, Math.round(rate * scenario.secondsPerStep));
      const writers = writersFor(count);
      const before = sampleProc(target.pid);
      const systemBefore = sampleSystem();
      const outcome = await generator.step(label, writers, rate, () => scenario.clientsPerBoard - 1, stepTimeoutMs);
      const after = sampleProc(target.pid);
      const systemAfter = sampleSystem();
      const otherMs =
        systemAfter.busyMs -
        systemBefore.busyMs +
        (systemAfter.stealMs - systemBefore.stealMs) -
        (after.cpuMs - before.cpuMs) -
        outcome.cpuMs.reduce((sum, ms) => sum + ms, 0);
      const complete = outcome.notes.filter((n) => n.deliveries >= scenario.clientsPerBoard - 1);
      const lastHolder = summarize(complete.map((n) => n.lastAt - n.sentAt));
      const notesMissing = count - complete.length;
      const deliveries = outcome.notes.reduce((sum, n) => sum + n.deliveries, 0);
      const result: StepResult = {
        target: kind,
        scenario: scenario.name,
        sockets: scenario.boards * scenario.clientsPerBoard,
        rate,
        notes: count,
        lastHolder,
        notesMissing,
        deliveries,
        expectedDeliveries: count * (scenario.clientsPerBoard - 1),
        closes: outcome.closes,
        serverCpuShare: Math.round(cpuShare(before, after) * 100) / 100,
        serverCpuUsPerNote: Math.round(((after.cpuMs - before.cpuMs) * 1000) / count),
        serverRssMb: Math.round(after.rssBytes / 1e6),
        generatorCpu: outcome.cpuShares,
        generatorLoopDelayP99Ms: outcome.loopDelayP99Ms,
        generatorCpuUsPerDelivery:
          Math.round(((outcome.cpuMs.reduce((sum, ms) => sum + ms, 0) * 1000) / Math.max(1, deliveries)) * 10) / 10,
        generator: mode,
        loadAverage: Math.round(os.loadavg()[0]! * 10) / 10,
        otherCpuShare: Math.round((Math.max(0, otherMs) / Math.max(1, systemAfter.at - systemBefore.at)) * 100) / 100,
        isPast: lastHolder.p99 > KNEE_P99_MS || notesMissing > 0,
      };
      console.log(
        `  ${kind} ${rate}/s: p50 ${lastHolder.p50} p99 ${lastHolder.p99} ms, missing ${notesMissing} (deliveries ${result.deliveries}/${result.expectedDeliveries}), server ${result.serverCpuShare} cores ${result.serverCpuUsPerNote} us/note, ${mode} generators ${outcome.cpuShares.join('/')} cores ${result.generatorCpuUsPerDelivery} us/delivery, loop p99 ${outcome.loopDelayP99Ms.join('/')} ms, load ${result.loadAverage}, other work ${result.otherCpuShare} cores`,
      );
      return result;
    },
  };
}

export async function runSteps(setup: StepSetup): Promise<StepResult[]> {
  const rig = await openStepRig(setup);
  const results: StepResult[] = [];
  try {
    await rig.warmUp();
    for (const [s, rate] of setup.scenario.rates.entries()) {
      const result = await rig.step(`${setup.scenario.key}${s}`, rate);
      results.push(result);
      if (result.isPast && !keepStepping) break;
      await sleep(1000);
    }
  } finally {
    await rig.stop();
  }
  return results;
}

/** Base memory of the idle server, then with `sockets` connected over `boards` boards (after a full GC each time). */
export async function runIdle(
  kind: TargetKind,
  boards: number,
  sockets: number,
  seed: Uint8Array,
  processes: number,
  mode: GeneratorMode = 'stock',
  nodeFlags: string[] = [],
): Promise<IdleResult> {
  // Rooms unload soon after their last socket leaves, as the reference drops a doc at once (only the warm-up leaves).
  const target = await startTarget(kind, { nodeFlags, ...(isWarmedUp ? { env: { ROOM_IDLE_MS: '500' } } : {}) });
  const generator = LoadGenerator.start(processes);
  const empty = {
    target: kind,
    sockets,
    boards,
    baseRssMb: 0,
    baseHeapMb: 0,
    rssPerSocketKib: 0,
    heapPerSocketKib: 0,
    marginalRssPerSocketKib: 0,
    marginalHeapPerSocketKib: 0,
    settledRssPerSocketKib: 0,
    settledHeapPerSocketKib: 0,
    youngMb: 0,
    settledYoungMb: 0,
    generator: mode,
  };
  const perBoard = Math.round(sockets / boards);
  const firstHalf = Math.floor(boards / 2);
  const kib = (bytes: number, count: number) => Math.round((bytes / count / 1024) * 10) / 10;
  const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
  try {
    // Lean: one stock provider per room, so a seeded target's room holds the board as it does with stock clients.
    const lean = mode === 'lean' ? { providersPerBoard: 1 } : undefined;
    await sleep(3000);
    if (isWarmedUp) {
      // One board of the same size opened and closed first: the code compiled on the join path and the servers'
      // first-use buffers are then in the base, so what remains is what each socket costs.
      const warm = LoadGenerator.start(1);
      await openRooms(target, warm, 1, perBoard, seed, boards, lean);
      await warm.stop();
      await sleep(3000);
    }
    const base = await sampleMemory(target);
    await openRooms(target, generator, firstHalf, perBoard, seed, 0, lean);
    await sleep(3000);
    const half = await sampleMemory(target);
    await openRooms(target, generator, boards - firstHalf, perBoard, seed, firstHalf, lean);
    await sleep(3000);
    const loaded = await sampleMemory(target);
    await sleep(settleMs);
    const settled = await sampleMemory(target);
    const secondHalf = (boards - firstHalf) * perBoard;
    const result = {
      ...empty,
      baseRssMb: Math.round(base.rss / 1e5) / 10,
      baseHeapMb: Math.round(base.heapUsed / 1e5) / 10,
      rssPerSocketKib: kib(loaded.rss - base.rss, sockets),
      heapPerSocketKib: kib(loaded.heapUsed - base.heapUsed, sockets),
      marginalRssPerSocketKib: kib(loaded.rss - half.rss, secondHalf),
      marginalHeapPerSocketKib: kib(loaded.heapUsed - half.heapUsed, secondHalf),
      settledRssPerSocketKib: kib(settled.rss - base.rss, sockets),
      settledHeapPerSocketKib: kib(settled.heapUsed - base.heapUsed, sockets),
      youngMb: mb(loaded.newSpace),
      settledYoungMb: mb(settled.newSpace),
    };
    console.log(
      `  ${kind}: young generation ${mb(base.newSpace)} / ${mb(loaded.newSpace)} / ${mb(settled.newSpace)} MB (base / all sockets / settled); settled per socket RSS ${result.settledRssPerSocketKib} KiB heap ${result.settledHeapPerSocketKib} KiB`,
    );
    // Where the resident memory 3 s after the joins went: V8's heap as reserved, memory JS objects hold outside it
    // (buffers), and the rest (malloc'd by native code and the runtime, thread stacks, code pages first touched).
    const grown = (field: 'heapTotal' | 'external') => mb(loaded[field] - base[field]);
    const rest = mb(loaded.rss - loaded.heapTotal - loaded.external - (base.rss - base.heapTotal - base.external));
    console.log(
      `  ${kind}: RSS grew ${mb(loaded.rss - base.rss)} MB with the sockets: V8 heap ${grown('heapTotal')} MB, external ${grown('external')} MB, the rest ${rest} MB`,
    );
    console.log(
      `  ${kind}: base RSS ${result.baseRssMb} MB heap ${result.baseHeapMb} MB; per socket RSS ${result.rssPerSocketKib} KiB heap ${result.heapPerSocketKib} KiB; marginal RSS ${result.marginalRssPerSocketKib} KiB heap ${result.marginalHeapPerSocketKib} KiB`,
    );
    return result;
  } catch (error) {
    return { ...empty, error: (error as Error).message };
  } finally {
    await generator.stop();
    await target.stop();
  }
}
