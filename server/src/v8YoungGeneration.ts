// Imported by main.ts right after v8Tiering.ts: how large V8's young generation may grow.
import v8 from 'node:v8';

/**
 * V8 doubles its young generation (new space) whenever many objects survive a scavenge, up to 32 MB on a 64-bit
 * node 20. A burst of joins does exactly that, and the pages stay committed: 1,000 sockets joining left 33.6 MB of
 * new space in the server's RSS, half of what the joins cost it. With a growth factor of 1 it stays at its
 * initial size (1-2 MB per semi-space); survivors go to the old generation, which is what keeps them anyway.
 * Measured in docs/performance.md (round 14).
 *
 * The factor does not stay set by itself (observed on node 20, as if V8 reset it whenever it configures a heap):
 * given on node's command line it does nothing, and a worker thread's isolate starting undoes it for the whole
 * process. So it is set here, at run time, and again by each worker as its first statement (walCheckpointer.ts).
 */
export const SEMI_SPACE_GROWTH_FACTOR = 1;

const SIZED = /^--(semi[-_]space[-_]growth[-_]factor|max[-_]semi[-_]space[-_]size|min[-_]semi[-_]space[-_]size)/;

/** The V8 flag that holds the young generation; undefined when node was started with its own sizing. */
export function youngGenerationFlag(execArgv: readonly string[] = process.execArgv): string | undefined {
  return execArgv.some((arg) => SIZED.test(arg)) ? undefined : `--semi-space-growth-factor=${SEMI_SPACE_GROWTH_FACTOR}`;
}

/** Sets the flag unless node was started with its own sizing; whether it did. */
export function holdYoungGeneration(execArgv: readonly string[] = process.execArgv): boolean {
  const flag = youngGenerationFlag(execArgv);
  if (flag) v8.setFlagsFromString(flag);
  return flag !== undefined;
}

holdYoungGeneration();
