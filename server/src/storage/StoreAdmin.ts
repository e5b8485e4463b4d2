// What the operator's side needs from a store: check it, copy it, close it.
import type { DamagedBoardError } from './DocLog.ts';

export interface StoreAdmin {
  /**
   * Checks every board's snapshot and log (checksums, no missing sequence numbers), as at start-up. Damaged boards
   * are remembered and refused from then on; the others are served. Returns what was found.
   */
  verifyAll(): Promise<DamagedBoardError[]>;
  /** A consistent copy of the whole store at `destination`, while it keeps serving. */
  backup(destination: string): Promise<void>;
  close(): void;
}
