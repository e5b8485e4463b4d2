// Moves SQLite's WAL checkpoints (which copy pages back and fsync) off the event loop, onto a worker thread,
// started only once the WAL has grown, and gone again once there is nothing to checkpoint: a worker is a whole V8
// isolate (~10 MB resident), which a server that has written little, or is idle, does not need.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { youngGenerationFlag } from '../../v8YoungGeneration.ts';

// The worker's own connection runs PASSIVE checkpoints: they never block the main connection's writes. Once a
// checkpoint has found nothing new for `idleRounds` rounds in a row (everything copied back, no frame since), it
// truncates the WAL (instant, nothing is left to copy) and leaves, giving its isolate's memory back; the watch then
// starts a new worker when the WAL has grown again.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
// This isolate's start has reset the process's young-generation growth (see v8YoungGeneration.ts): set it again,
// from here rather than from the main thread, which may be too busy to hear 'online' for a while.
if (workerData.v8Flag) require('node:v8').setFlagsFromString(workerData.v8Flag);
const Database = require(workerData.modulePath);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
let lastFrames = -1;
let idle = 0;
const leave = () => {
  clearInterval(timer);
  db.close();
  process.exit(0);
};
const timer = setInterval(() => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    const isQuiet = result.busy === 0 && result.log === result.checkpointed && result.log === lastFrames;
    lastFrames = result.log;
    idle = isQuiet ? idle + 1 : 0;
    if (idle >= workerData.idleRounds && db.pragma('wal_checkpoint(TRUNCATE)')[0].busy === 0) leave();
  } catch {}
}, workerData.intervalMs);
parentPort.on('message', leave);
`;

export interface WalCheckpointerOptions {
  /** How often the worker checkpoints, and how often the WAL's size is looked at until it starts. */
  intervalMs: number;
  /** The worker starts once the WAL file reaches this size (checked with a stat, no checkpoint, no lock). */
  startAtBytes: number;
  /** Rounds in a row with nothing to checkpoint after which the worker truncates the WAL and leaves (default 2). */
  idleRounds?: number;
  /** Told when a worker starts and when it has left (its thread gone): for tests and diagnostics. */
  onWorker?: (state: 'started' | 'left') => void;
}

function startWorker(file: string, intervalMs: number, idleRounds: number): Worker {
  const modulePath = createRequire(import.meta.url).resolve('better-sqlite3');
  const v8Flag = youngGenerationFlag();
  const workerData = { file, intervalMs, idleRounds, modulePath, v8Flag };
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
  worker.unref();
  // A failing checkpointer must not take the server down; the WAL then just grows until the next start.
  worker.on('error', () => undefined);
  return worker;
}

/**
 * Checkpoints `file`'s WAL in a worker thread, every `intervalMs` once the WAL reaches `startAtBytes`, until it has
 * been idle for `idleRounds` rounds; the caller
 * turns off the main connection's automatic checkpoints (which would otherwise stall the event loop every ~1,000
 * pages). Until the worker starts nothing is checkpointed at all, so the event loop never waits for one either.
 * Returns a function that stops the watch and the worker.
 */
export function startWalCheckpointer(file: string, options: WalCheckpointerOptions): () => void {
  const walFile = `${file}-wal`;
  let worker: Worker | undefined;
  let watch: NodeJS.Timeout | undefined;
  let isStopped = false;
  const walIsLarge = () => (fs.statSync(walFile, { throwIfNoEntry: false })?.size ?? 0) >= options.startAtBytes;
  const startWatch = () => {
    watch = setInterval(() => {
      if (!walIsLarge()) return;
      clearInterval(watch);
      const started = startWorker(file, options.intervalMs, options.idleRounds ?? 2);
      worker = started;
      options.onWorker?.('started');
      // Left when idle (or failed): watch the WAL's size again.
      started.once('exit', () => {
        options.onWorker?.('left');
        if (worker !== started) return;
        worker = undefined;
        if (!isStopped) startWatch();
      });
    }, options.intervalMs);
    watch.unref();
  };
  startWatch();
  return () => {
    isStopped = true;
    clearInterval(watch);
    worker?.postMessage('stop');
  };
}
