// A room's committed batches, timed for profiling tools (the bench's probe) on a diagnostics channel.
import diagnostics_channel from 'node:diagnostics_channel';

/** What a committed batch of client updates cost, published for profiling tools only. */
export interface BatchTiming {
  boardId: string;
  updates: number;
  peers: number;
  /** From the socket message of the batch's first update to the start of its commit. */
  waitedMs: number;
  /** The store's append and the commit hooks (compaction included). */
  commitMs: number;
  broadcastMs: number;
}

/**
 * Each committed batch of client updates, as a `BatchTiming` (the bench's probe subscribes to explain latency).
 * Nothing is timed or published while nobody subscribes.
 */
export const batchChannel = diagnostics_channel.channel('scopeboard:room:batch');
