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
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  function openDb(options: { intervalMs: number; startAtBytes: number; idleRounds?: number }) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scopeboard-wal-'));
    const file = path.join(dir, 'test.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (v BLOB)');
    const before = threads();
    const stop = startWalCheckpointer(file, options);
    cleanups.push(() => {
      stop();
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    return {
      file,
      before,
      insert: db.prepare('INSERT INTO t VALUES (?)'),
      count: db.prepare('SELECT count(*) AS n FROM t'),
    };
  }

  it('starts its worker once the WAL reaches the size, and the worker checkpoints every frame', async () => {
    const { file, before, insert } = openDb({ intervalMs: 20, startAtBytes: 256 * 1024, idleRounds: 1000 });
    insert.run(Buffer.alloc(1000));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(walBytes(file)).toBeLessThan(256 * 1024);
    expect(threads()).toBe(before);

    for (let i = 0; i < 100; i++) insert.run(Buffer.alloc(4000));
    expect(walBytes(file)).toBeGreaterThanOrEqual(256 * 1024);
    await until(() => threads() > before);
    // This connection never checkpoints: an insert that does not grow the file writes into a WAL the worker has
    // copied back entirely (SQLite then restarts the log from its first frame).
    await until(() => {
      const size = walBytes(file);
      insert.run(Buffer.alloc(4000));
      return walBytes(file) === size;
    });
  });

  it('leaves once idle, with the WAL truncated, and starts again when the WAL has grown again', async () => {
    const { file, before, insert, count } = openDb({ intervalMs: 20, startAtBytes: 256 * 1024, idleRounds: 3 });
    // This connection never checkpoints (wal_autocheckpoint 0), so an empty WAL is the worker's truncation. No more
    // writes: the worker copies everything back, finds nothing new three rounds in a row, truncates and leaves. It
    // may come and go between two polls, so what is awaited is its result (an empty WAL, no extra thread).
    const hasRunAndLeft = () => walBytes(file) === 0 && threads() === before;
    for (let i = 0; i < 100; i++) insert.run(Buffer.alloc(4000));
    expect(walBytes(file)).toBeGreaterThanOrEqual(256 * 1024);
    await until(hasRunAndLeft);
    expect(count.get()).toEqual({ n: 100 });

    for (let i = 0; i < 100; i++) insert.run(Buffer.alloc(4000));
    expect(walBytes(file)).toBeGreaterThanOrEqual(256 * 1024);
    await until(hasRunAndLeft);
    expect(count.get()).toEqual({ n: 200 });
  });
});
