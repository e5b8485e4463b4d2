// The server's young generation: main.ts imports v8YoungGeneration.ts, and with it V8's new space stays at its
// initial size through a burst of long-lived allocations, also after a worker thread (the WAL checkpointer) has
// started. Each case runs in a child node, whose heap is its own.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { holdYoungGeneration } from '../../../server/src/v8YoungGeneration.ts';

const SERVER = path.resolve(import.meta.dirname, '../../../server/src');
const MODULE = path.join(SERVER, 'v8YoungGeneration.ts');
const CHECKPOINTER = path.join(SERVER, 'storage/sqlite/walCheckpointer.ts');
const MB = 1024 * 1024;
/** better-sqlite3 by URL: the child's script sits in a temp dir, away from node_modules. */
const SQLITE = pathToFileURL(createRequire(import.meta.url).resolve('better-sqlite3')).href;

/**
 * V8's new space, in bytes, after a burst of allocations of which one object in ten survives (as a burst of joins
 * leaves sessions, sockets and records behind), in a child node that imports the module first when `isHeld`, and
 * starts the WAL checkpointer's worker when `withWorker`.
 */
function newSpaceAfterBurst(isHeld: boolean, withWorker: boolean): number {
  const script = `
    import v8 from 'node:v8';
    import fs from 'node:fs';
    import os from 'node:os';
    import path from 'node:path';
    ${isHeld ? `await import(${JSON.stringify(MODULE)});` : ''}
    if (${withWorker}) {
      const { default: Database } = await import(${JSON.stringify(SQLITE)});
      const { startWalCheckpointer } = await import(${JSON.stringify(CHECKPOINTER)});
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'young-')), 'db.sqlite');
      const db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.pragma('wal_autocheckpoint = 0');
      db.exec('CREATE TABLE t (x)');
      // The checkpointer's timers do not hold the process open; this one does, until its worker has come and gone.
      const keepAlive = setInterval(() => undefined, 1000);
      await new Promise((resolve) => {
        const stop = startWalCheckpointer(file, {
          intervalMs: 20,
          startAtBytes: 1,
          idleRounds: 1,
          onWorker: (state) => state === 'left' && resolve(stop()),
        });
      });
      clearInterval(keepAlive);
      db.close();
    }
    const kept = [];
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 500000; i++) {
        const record = { id: i, tags: [i] };
        if (i % 10 === 0) kept.push(record);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    console.log(space.space_size);
    process.exit(0);`;
  // A file, not `-e` with `--input-type=module`: a worker inherits node's options, and that one would have the
  // checkpointer's CommonJS worker source parsed as a module.
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'young-generation-')), 'burst.mjs');
  fs.writeFileSync(file, script);
  const out = execFileSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8', timeout: 60_000 });
  return Number(out.trim().split('\n').at(-1));
}

describe('v8YoungGeneration', () => {
  it('is imported by main.ts right after the tiering, before any module that allocates', () => {
    const main = fs.readFileSync(path.join(SERVER, 'main.ts'), 'utf8');
    const imports = main.match(/^import .*$/gm) ?? [];
    expect(imports.slice(0, 2)).toEqual(["import './v8Tiering.ts';", "import './v8YoungGeneration.ts';"]);
  });

  it('leaves a young-generation size given on the command line alone', () => {
    expect(holdYoungGeneration(['--max-semi-space-size=8'])).toBe(false);
    expect(holdYoungGeneration(['--semi_space_growth_factor=2'])).toBe(false);
    expect(holdYoungGeneration(['--min-semi-space-size=1'])).toBe(false);
  });

  it('keeps the new space at its initial size through a burst, where V8 alone grows it', () => {
    const grown = newSpaceAfterBurst(false, false);
    const held = newSpaceAfterBurst(true, false);
    expect(grown).toBeGreaterThan(8 * MB);
    expect(held).toBeLessThanOrEqual(4.5 * MB);
  });

  it('still holds it after the WAL checkpointer has started its worker thread', () => {
    expect(newSpaceAfterBurst(true, true)).toBeLessThanOrEqual(4.5 * MB);
  });
});
