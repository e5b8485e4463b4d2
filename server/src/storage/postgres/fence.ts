// Fencing by epoch: each doc write checks, under the board row's lock, that this server still holds the board.
import type pg from 'pg';
import type { Row } from '../rows.ts';
import type { PgConnection } from './connection.ts';

/** A doc write from a server whose lease on the board was taken over: refused, so the board never forks. */
export class FencedError extends Error {
  constructor(boardId: string) {
    super(`This server no longer holds board ${boardId} (another server took it over).`);
    this.name = 'FencedError';
  }
}

/** Claims and drops fencing epochs; the cluster calls it when it takes and gives up a board's lease. */
export interface EpochFence {
  /** Bumps the board's epoch and makes this store write with it; older epochs are refused from now on. */
  claimEpoch(boardId: string): Promise<number>;
  dropEpoch(boardId: string): void;
}

export class EpochFencing implements EpochFence {
  /** The epoch this process holds per board (set by claimEpoch). */
  private readonly epochs = new Map<string, number>();

  /** `isFenced` (many servers): doc writes for a board this store has not claimed are refused. */
  constructor(
    private readonly connection: PgConnection,
    private readonly isFenced: boolean,
  ) {}

  async claimEpoch(boardId: string): Promise<number> {
    const found = await this.connection.rows(
      'UPDATE boards SET current_epoch = current_epoch + 1 WHERE board_id = $1 RETURNING current_epoch',
      [boardId],
    );
    if (found.length === 0) throw new Error(`board ${boardId} does not exist`);
    const epoch = Number(found[0]!.current_epoch);
    this.epochs.set(boardId, epoch);
    return epoch;
  }

  dropEpoch(boardId: string): void {
    this.epochs.delete(boardId);
  }

  /** Locks the board row for this transaction and refuses when another server has claimed a newer epoch. */
  async check(client: pg.PoolClient, boardId: string): Promise<void> {
    const found = await client.query('SELECT current_epoch FROM boards WHERE board_id = $1 FOR UPDATE', [boardId]);
    if (found.rows.length === 0) throw new Error(`board ${boardId} does not exist`);
    const held = this.epochs.get(boardId);
    const current = Number((found.rows[0] as Row).current_epoch);
    if (held === undefined ? this.isFenced : held !== current) throw new FencedError(boardId);
  }
}
