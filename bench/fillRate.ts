// Fills one board to 1,000 / 5,000 / 20,000 notes as fast as the server takes them; notes/s and server CPU per note at each size.
import { LoadGenerator } from './loadGenerator.ts';
import { openRooms } from './loadScenarios.ts';
import { sampleProc } from './procStats.ts';
import { startTarget, type Target, type TargetKind } from './targets.ts';

export interface FillResult {
  target: TargetKind;
  /** Notes on the board when the measured batch ends. */
  size: number;
  batch: number;
  /** Measured batch: notes / (last arrival at the last client - first write). */
  notesPerSecond: number;
  serverCpuUsPerNote: number;
  /**
   * Server CPU per note over the whole step from the previous size (prefill and measured batch): work that comes
   * once every many notes (log compaction) lands in it whole, where one measured batch may miss it or catch it.
   */
  stepCpuUsPerNote: number;
  serverCpuShare: number;
  notesMissing: number;
  generatorCpu: number[];
  generatorLoopDelayP99Ms: number[];
  error?: string;
}

const WRITERS = 10;
/** The warm-up board's place among the generator's boards (the measured one is board 0). */
const WARM_UP_BOARD = 1;
/** Offered load, above what any target ingests here; each target's rate is what it actually delivers. */
const OFFERED_PER_SECOND = 4000;

/**
 * Our rate limits are per socket (100 messages/s) and the board's notes are capped at 10,000: both are raised
 * here so 10 writers can offer more than the server takes. The guard and commit-before-broadcast stay on.
 */
const OURS_FILL_ENV = { MAX_MESSAGES_PER_SECOND: '100000', MESSAGE_BURST: '100000', MAX_NOTES_PER_BOARD: '100000' };

/**
 * Before the first measured size, one batch goes to a board of its own and is not counted, for every target
 * alike: otherwise each target's first row is its JIT warm-up, not ingest into a 1,000-note board. The measured
 * board's sizes stay what the rows say. Its clients stay connected and idle.
 */
async function warmUp(generator: LoadGenerator, target: Target, seed: Uint8Array, batch: number): Promise<void> {
  const [first] = await openRooms(target, generator, 1, WRITERS + 1, seed, WARM_UP_BOARD);
  if (!first) throw new Error('no warm-up board');
  await generator.step(
    'W',
    Array.from({ length: batch }, (_, n) => first.index + (n % WRITERS)),
    OFFERED_PER_SECOND,
    () => WRITERS,
    120_000,
  );
}

export async function runFill(
  kind: TargetKind,
  sizes: number[],
  batch: number,
  seed: Uint8Array,
  processes: number,
  nodeFlags: string[] = [],
): Promise<FillResult[]> {
  const target = await startTarget(kind, { env: OURS_FILL_ENV, nodeFlags });
  const generator = LoadGenerator.start(processes);
  const results: FillResult[] = [];
  try {
    // WRITERS writers and one reader, who holds every note: a note counts once all the others hold it.
    await openRooms(target, generator, 1, WRITERS + 1, seed);
    const writerOf = (n: number) => n % WRITERS;
    await warmUp(generator, target, seed, batch);
    let filled = 0;
    for (const [s, size] of sizes.entries()) {
      const prefill = size - batch - filled;
      const stepStart = sampleProc(target.pid);
      for (let done = 0, part = 0; done < prefill; part++) {
        const count = Math.min(2000, prefill - done);
        await generator.step(
          `P${s}x${part}`,
          Array.from({ length: count }, (_, n) => writerOf(n)),
          OFFERED_PER_SECOND,
          () => WRITERS,
          120_000,
        );
        done += count;
      }
      filled += Math.max(0, prefill);
      const before = sampleProc(target.pid);
      const outcome = await generator.step(
        `M${s}`,
        Array.from({ length: batch }, (_, n) => writerOf(n)),
        OFFERED_PER_SECOND,
        () => WRITERS,
        120_000,
      );
      const after = sampleProc(target.pid);
      filled += batch;
      const complete = outcome.notes.filter((n) => n.deliveries >= WRITERS);
      const first = Math.min(...outcome.notes.map((n) => n.sentAt));
      const last = Math.max(...complete.map((n) => n.lastAt));
      const result: FillResult = {
        target: kind,
        size,
        batch,
        notesPerSecond: Math.round((complete.length / Math.max(1, last - first)) * 1000),
        serverCpuUsPerNote: Math.round(((after.cpuMs - before.cpuMs) * 1000) / batch),
        stepCpuUsPerNote: Math.round(((after.cpuMs - stepStart.cpuMs) * 1000) / (Math.max(0, prefill) + batch)),
        serverCpuShare: Math.round(((after.cpuMs - before.cpuMs) / Math.max(1, after.at - before.at)) * 100) / 100,
        notesMissing: batch - complete.length,
        generatorCpu: outcome.cpuShares,
        generatorLoopDelayP99Ms: outcome.loopDelayP99Ms,
      };
      results.push(result);
      console.log(
        `  ${kind} at ${size} notes: ${result.notesPerSecond} notes/s, ${result.serverCpuUsPerNote} us server CPU per note (${result.stepCpuUsPerNote} over the step from the last size; ${result.serverCpuShare} cores), missing ${result.notesMissing}, generators ${result.generatorCpu.join('/')} cores, loop p99 ${result.generatorLoopDelayP99Ms.join('/')} ms`,
      );
    }
  } catch (error) {
    results.push({
      target: kind,
      size: 0,
      batch,
      notesPerSecond: 0,
      serverCpuUsPerNote: 0,
      stepCpuUsPerNote: 0,
      serverCpuShare: 0,
      notesMissing: batch,
      generatorCpu: [],
      generatorLoopDelayP99Ms: [],
      error: (error as Error).message,
    });
    console.log(`  ${kind} fill failed: ${(error as Error).message}`);
  } finally {
    await generator.stop();
    await target.stop();
  }
  return results;
}
