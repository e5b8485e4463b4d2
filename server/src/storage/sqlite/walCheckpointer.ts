// Moves SQLite's WAL checkpoints (which copy pages back and fsync) off the event loop, onto a worker thread,
// started only once the WAL has grown: a worker is a whole V8 isolate (~10 MB resident), which a server that has
// written little does not need.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// The worker's own connection runs PASSIVE checkpoints: they never block the main connection's writes.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  process.exit(0);
});
`;

export interface WalCheckpointerOptions {
  /** How often the worker checkpoints, and how often the WAL's size is looked at until it starts. */
  intervalMs: number;
  /** The worker starts once the WAL file reaches this size (checked with a stat, no checkpoint, no lock). */
  startAtBytes: number;
}

function startWorker(file: string, intervalMs: number): Worker {
  const modulePath = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, intervalMs, modulePath } });
  worker.unref();
  // A failing checkpointer must not take the server down; the WAL then just grows until the next start.
  worker.on('error', () => undefined);
  return worker;
}

/**
 * Checkpoints `file`'s WAL in a worker thread, every `intervalMs` once the WAL reaches `startAtBytes`; the caller
 * turns off the main connection's automatic checkpoints (which would otherwise stall the event loop every ~1,000
 * pages). Until the worker starts nothing is checkpointed at all, so the event loop never waits for one either.
 * Returns a function that stops the watch and the worker.
 */
export function startWalCheckpointer(file: string, options: WalCheckpointerOptions): () => void {
  const walFile = `${file}-wal`;
  let worker: Worker | undefined;
  const walIsLarge = () => (fs.statSync(walFile, { throwIfNoEntry: false })?.size ?? 0) >= options.startAtBytes;
  const watch = setInterval(() => {
    if (!walIsLarge()) return;
    clearInterval(watch);
    worker = startWorker(file, options.intervalMs);
  }, options.intervalMs);
  watch.unref();
  return () => {
    clearInterval(watch);
    worker?.postMessage('stop');
  };
}
