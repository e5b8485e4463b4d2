// Benchmark: the time one durable append costs the store (SQLite, WAL, synchronous=NORMAL), back to back and spaced out.
// Run: npx tsx bench/commitCost.ts [--appends=3000] [--boards=100] [--gaps=1,3,10] [--bytes=260]
// Writes bench/results/commit-cost.json.
//
// Why spaced: at 320 notes/s over 100 boards the server commits about one append per event-loop turn, a few
// milliseconds apart, with sockets' work in between. The same commit run back to back in a loop costs several
// times less, so a loop alone would understate what the server pays per note.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { openSqliteStorage } from '../server/src/storage/SqliteStorage.ts';
import type { Storage } from '../server/src/storage/Storage.ts';
import { argValue } from './cliArg.ts';

const appends = Number(argValue('appends') ?? '3000');
const boards = Number(argValue('boards') ?? '100');
const gaps = (argValue('gaps') ?? '1,3,10').split(',').map(Number);
const bytes = Number(argValue('bytes') ?? '260');
/** Appends before the counted ones: prepared statements, the page cache and the JIT settle first. */
const WARM_UP = 300;

interface GapResult {
  /** Milliseconds between one commit and the next append; "loop" runs them back to back in one turn each. */
  gapMs: number | 'loop';
  appends: number;
  /**
   * Microseconds from the append to its commit, per counted append: main-thread time, read on the wall clock
   * (nothing else runs in that turn; process CPU time would also count the checkpointer's worker thread).
   */
  usPerAppend: number;
}

async function createBoards(storage: Storage): Promise<string[]> {
  const ids = Array.from({ length: boards }, (_, i) => `bench-${String(i).padStart(4, '0')}`);
  for (const boardId of ids) {
    await storage.createBoard(
      {
        boardId,
        title: 'Bench',
        templateId: 'ssr2-copenhagen',
        createdAt: 0,
        facilitatorTokenHash: 'f',
        joinCode: `j-${boardId}`,
        observerCode: `o-${boardId}`,
        isArchived: false,
      },
      {
        participantId: 'p-f',
        boardId,
        name: 'F',
        role: 'facilitator',
        tokenHash: `f-${boardId}`,
        joinedAt: 0,
        isRemoved: false,
      },
      new Uint8Array([0, 0]),
    );
  }
  return ids;
}

/** Appends one update per commit, round robin over the boards, waiting `gapMs` after each commit (null: none). */
async function run(gapMs: number | null): Promise<GapResult> {
  const dir = mkdtempSync(join(os.tmpdir(), 'commit-cost-'));
  const storage = openSqliteStorage(dir, { checkpointInBackground: true });
  try {
    const ids = await createBoards(storage);
    const update = new Uint8Array(bytes).fill(7);
    let total = 0n;
    for (let i = 0; i < WARM_UP + appends; i++) {
      const started = process.hrtime.bigint();
      await storage.appendUpdates(ids[i % ids.length]!, [update]);
      if (i >= WARM_UP) total += process.hrtime.bigint() - started;
      if (gapMs !== null) await sleep(gapMs);
    }
    return { gapMs: gapMs ?? 'loop', appends, usPerAppend: Math.round(Number(total) / appends / 100) / 10 };
  } finally {
    storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const results: GapResult[] = [await run(null)];
for (const gap of gaps) results.push(await run(gap));
console.log(`One append per commit, ${bytes}-byte updates over ${boards} boards, ${appends} counted:`);
for (const r of results) {
  const label = r.gapMs === 'loop' ? 'back to back' : `${r.gapMs} ms apart`;
  console.log(`  ${label.padEnd(14)} ${r.usPerAppend} us per append`);
}
const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'commit-cost.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ bytes, boards, results }, null, 2));
console.log(`results in ${out}`);
