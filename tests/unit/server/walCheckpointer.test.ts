// The WAL checkpointer's worker thread starts only once the WAL has grown, then checkpoints it off the event loop,
// and leaves once there has been nothing to checkpoint for a while (a worker is a whole V8 isolate, ~10 MB resident).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startWalCheckpointer } from '../../../server/src/storage/sqlite/walCheckpointer.ts';

const threads = () => Number(/^Threads:\s+(\d+)/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))![1]);
const walBytes = (file: string) => fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(check()).toBe(true);
}

describe('startWalCheckpointer', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  function openDb(options: { intervalMs: number; startAtBytes: number; idleRounds?: number }) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scopeboard-wal-'));
    const file = path.join(dir, 'test.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (v BLOB)');
    // What the process had before the worker started, and while it ran: its thread must come and go.
    const workers = { started: 0, left: 0, threadsBefore: threads(), threadsWhileRunning: 0 };
    const stop = startWalCheckpointer(file, {
      ...options,
      onWorker: (state) => {
        if (state === 'started') workers.threadsWhileRunning = threads();
        workers[state]++;
      },
    });
    cleanups.push(async () => {
      stop();
      // The worker leaves asynchronously: wait, so that no test counts another test's thread.
      await until(() => workers.left === workers.started);
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    return {
      file,
      workers,
      insert: db.prepare('INSERT INTO t VALUES (?)'),
      count: db.prepare('SELECT count(*) AS n FROM t'),
    };
  }

  it('starts its worker once the WAL reaches the size, and the worker checkpoints every frame', async () => {
    const { file, workers, insert } = openDb({ intervalMs: 20, startAtBytes: 256 * 1024, idleRounds: 1000 });
    insert.run(Buffer.alloc(1000));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(walBytes(file)).toBeLessThan(256 * 1024);
    expect(workers.started).toBe(0);
    expect(threads()).toBe(workers.threadsBefore);

    for (let i = 0; i < 100; i++) insert.run(Buffer.alloc(4000));
    expect(walBytes(file)).toBeGreaterThanOrEqual(256 * 1024);
    await until(() => workers.started === 1);
    expect(workers.threadsWhileRunning).toBeGreaterThan(workers.threadsBefore);
    // This connection never checkpoints: an insert that does not grow the file writes into a WAL the worker has
    // copied back entirely (SQLite then restarts the log from its first frame).
    await until(() => {
      const size = walBytes(file);
      insert.run(Buffer.alloc(4000));
      return walBytes(file) === size;
    });
    expect(workers.left).toBe(0);
  });

  it('leaves once idle, with the WAL truncated, and starts again when the WAL has grown again', async () => {
    const { file, workers, insert, count } = openDb({ intervalMs: 20, startAtBytes: 256 * 1024, idleRounds: 3 });
    // This connection never checkpoints (wal_autocheckpoint 0), so an empty WAL is the worker's truncation. No more
    // writes: the worker copies everything back, finds nothing new three rounds in a row, truncates and leaves, and
    // its thread is gone.
    const hasRunAndLeft = (times: number) => () =>
      workers.left === times && walBytes(file) === 0 && threads() < workers.threadsWhileRunning;
    for (let i = 0; i < 100; i++) insert.run(Buffer.alloc(4000));
    expect(walBytes(file)).toBeGreaterThanOrEqual(256 * 1024);
    await until(hasRunAndLeft(1));
    expect(workers.started).toBe(1);
    expect(count.get()).toEqual({ n: 100 });

    for (let i = 0; i < 100; i++) insert.run(Buffer.alloc(4000));
    expect(walBytes(file)).toBeGreaterThanOrEqual(256 * 1024);
    await until(hasRunAndLeft(2));
    expect(workers.started).toBe(2);
    expect(count.get()).toEqual({ n: 200 });
  });
});
