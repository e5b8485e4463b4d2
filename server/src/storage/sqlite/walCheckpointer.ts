// Moves SQLite's WAL checkpoints (which copy pages back and fsync) off the event loop, onto a worker thread.
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

/**
 * Starts checkpointing `file`'s WAL every `intervalMs` in a worker thread; the caller turns off the main
 * connection's automatic checkpoints (which would otherwise stall the event loop every ~1,000 pages).
 * Returns a function that stops the worker.
 */
export function startWalCheckpointer(file: string, intervalMs: number): () => void {
  const modulePath = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, intervalMs, modulePath } });
  worker.unref();
  // A failing checkpointer must not take the server down; the WAL then just grows until the next start.
  worker.on('error', () => undefined);
  return () => worker.postMessage('stop');
}
