// Folds a board's log into one snapshot once it holds COMPACT_EVERY entries, before the batch is broadcast.
import type { RoomHook } from './RoomHook.ts';

export function compactWhenLong(compactEvery: number): RoomHook {
  return {
    name: 'compaction',
    async onCommit(commit) {
      if (commit.logLength >= compactEvery) await commit.compact();
    },
  };
}
