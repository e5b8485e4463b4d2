// Commit latency of the SQLite store with inline WAL autocheckpoints versus checkpoints on a worker thread.
// Run: npx tsx bench/walStall.ts   (writes bench/results/wal-stall.json)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStorage } from '../server/src/storage/SqliteStorage.ts';

const APPENDS = 3000;

async function measure(checkpointInBackground: boolean) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scopeboard-walstall-'));
  const storage = openSqliteStorage(dir, { checkpointInBackground });
  const board = {
    boardId: 'b',
    title: 't',
    templateId: 'x',
    createdAt: 1,
    facilitatorTokenHash: 'h',
    joinCode: 'j',
    observerCode: 'o',
    isArchived: false,
  };
  await storage.createBoard(
    board,
    { participantId: 'f', boardId: 'b', name: 'F', role: 'facilitator', tokenHash: 'h', joinedAt: 1, isRemoved: false },
    new Uint8Array(10),
  );
  const update = new Uint8Array(280).fill(7); // about one note
  const times: number[] = [];
  for (let i = 0; i < APPENDS; i++) {
    const start = performance.now();
    await storage.appendUpdates('b', [update]);
    times.push(performance.now() - start);
    // Give the worker's timer a chance, as a live server's idle moments would.
    if (i % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
  }
  storage.close();
  fs.rmSync(dir, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  const at = (q: number) => Number(times[Math.floor(q * (times.length - 1))]!.toFixed(3));
  return {
    mode: checkpointInBackground ? 'worker' : 'inline',
    p50: at(0.5),
    p99: at(0.99),
    p999: at(0.999),
    max: Number(times.at(-1)!.toFixed(3)),
  };
}

const rows = [];
for (let round = 0; round < 3; round++) rows.push(await measure(false), await measure(true));
for (const row of rows)
  console.log(`${row.mode.padEnd(6)} append ms: p50 ${row.p50}  p99 ${row.p99}  p99.9 ${row.p999}  max ${row.max}`);
fs.mkdirSync(path.resolve(import.meta.dirname, 'results'), { recursive: true });
fs.writeFileSync(
  path.resolve(import.meta.dirname, 'results/wal-stall.json'),
  JSON.stringify({ appends: APPENDS, at: new Date().toISOString(), rows }, null, 2),
);
