// Imported first by main.ts, before any other module's code runs: how soon V8 optimizes the server's hot functions.
import v8 from 'node:v8';

/**
 * V8's interrupt budget: the bytecode a function runs between two of its tier-up checks (V8 11's default is
 * 67,584). A board in use sends tens of updates a second, so the guard, the apply and the commit run a few hundred
 * times a minute and stayed in V8's baseline tier through most of a session; a budget eight times smaller has them
 * optimized within the first minute. Measured in docs/performance.md (round 12).
 */
export const INTERRUPT_BUDGET = 8192;

/** Sets the budget unless node was started with one (`node --interrupt-budget=N`, as the bench's A/B runs do). */
export function setInterruptBudget(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((arg) => arg.startsWith('--interrupt-budget') || arg.startsWith('--interrupt_budget'))) {
    return false;
  }
  v8.setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  return true;
}

setInterruptBudget();
