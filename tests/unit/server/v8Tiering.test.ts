// The server's V8 tiering: main.ts imports v8Tiering.ts first, and with it a function is optimized after fewer
// calls than with V8's own budget. Each case runs in a child node, where the optimizer's state can be read.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTERRUPT_BUDGET, setInterruptBudget } from '../../../server/src/v8Tiering.ts';

const MODULE = path.resolve(import.meta.dirname, '../../../server/src/v8Tiering.ts');
/** V8 11's own interrupt budget, which the server replaces. */
const V8_DEFAULT_BUDGET = 67_584;
/** %GetOptimizationStatus's bit for "optimized by TurboFan" (V8 11). */
const TURBOFANNED = 1 << 6;

/** Calls a small function until TurboFan has optimized it, in a child node; how many calls that took. */
function callsUntilOptimized(nodeFlags: string[]): number {
  const script = `
    await import(${JSON.stringify(MODULE)});
    const status = new Function('f', 'return %GetOptimizationStatus(f)');
    function work(record) { let n = 0; for (const key in record) n += String(record[key]).length; return n; }
    const record = { id: 'n-1', text: 'What could go wrong?', x: 10, y: 20 };
    let calls = 0;
    while (calls < 100000 && (status(work) & ${TURBOFANNED}) === 0) { work(record); calls++; }
    console.log(calls);`;
  const out = execFileSync(
    process.execPath,
    [
      '--allow-natives-syntax',
      '--no-concurrent-recompilation',
      ...nodeFlags,
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      script,
    ],
    { encoding: 'utf8' },
  );
  return Number(out.trim());
}

describe('v8Tiering', () => {
  it('is the first module main.ts imports, so it is set before any other module runs', () => {
    const main = fs.readFileSync(path.resolve(import.meta.dirname, '../../../server/src/main.ts'), 'utf8');
    expect(/^import .*$/m.exec(main)?.[0]).toBe("import './v8Tiering.ts';");
  });

  it('leaves a budget given on the command line alone', () => {
    expect(setInterruptBudget(['--interrupt-budget=1000'])).toBe(false);
    expect(setInterruptBudget(['--interrupt_budget=1000'])).toBe(false);
  });

  it('optimizes a function after fewer calls than V8 would by default', () => {
    const withServerBudget = callsUntilOptimized([]);
    const withDefault = callsUntilOptimized([`--interrupt-budget=${V8_DEFAULT_BUDGET}`]);
    expect(INTERRUPT_BUDGET).toBeLessThan(V8_DEFAULT_BUDGET);
    expect(withServerBudget).toBeGreaterThan(0);
    expect(withDefault).toBeLessThan(100000);
    expect(withServerBudget).toBeLessThan(withDefault);
  });
});
