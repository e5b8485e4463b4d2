// Folds a board's log into one snapshot, after the batch is broadcast, at a cadence that grows with the snapshot.
import type { Commit, RoomHook } from './RoomHook.ts';

/**
 * A snapshot costs time in proportion to the whole doc (encode, checksum, write), so folding every
 * COMPACT_EVERY entries made each note on a 20,000-note board pay for 1/500 of a 5 MB encode. The log is
 * folded once it weighs this share of the snapshot: the work per logged byte stays the same at any size.
 */
export const LOG_SHARE_OF_SNAPSHOT = 0.5;
/** Per-entry weight on top of its bytes: replaying a small update at load costs more than its bytes say. */
export const ENTRY_WEIGHT_BYTES = 256;
/**
 * However large the snapshot, the log is folded once it weighs this much (also with fewer than COMPACT_EVERY
 * entries): it bounds what a load replays and how far the log can push the stored size toward MAX_BOARD_BYTES.
 */
export const MAX_LOG_WEIGHT_BYTES = 4 * 1024 * 1024;

/**
 * Whether the log is due to be folded. Without byte figures from the room, every COMPACT_EVERY entries as
 * before. With them, once it holds at least COMPACT_EVERY entries and weighs LOG_SHARE_OF_SNAPSHOT of the
 * snapshot, or whenever it weighs MAX_LOG_WEIGHT_BYTES.
 */
export function isCompactionDue(
  commit: Pick<Commit, 'logLength' | 'logBytes' | 'snapshotBytes'>,
  compactEvery: number,
): boolean {
  const { logLength, logBytes, snapshotBytes } = commit;
  if (logBytes === undefined || snapshotBytes === undefined) return logLength >= compactEvery;
  const weight = logBytes + logLength * ENTRY_WEIGHT_BYTES;
  if (weight >= MAX_LOG_WEIGHT_BYTES) return true;
  return logLength >= compactEvery && weight >= LOG_SHARE_OF_SNAPSHOT * snapshotBytes;
}

export function compactWhenLong(compactEvery: number): RoomHook {
  return {
    name: 'compaction',
    onCommit(commit) {
      // Requested, not awaited: the room folds the log once the batch has reached its peers.
      if (isCompactionDue(commit, compactEvery)) commit.requestCompaction();
    },
  };
}
