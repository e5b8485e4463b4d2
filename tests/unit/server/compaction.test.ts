// The compaction cadence: folding costs the whole doc, so the log may grow with the snapshot before it is folded.
import { describe, expect, it } from 'vitest';
import {
  compactWhenLong,
  ENTRY_WEIGHT_BYTES,
  isCompactionDue,
  LOG_SHARE_OF_SNAPSHOT,
  MAX_LOG_WEIGHT_BYTES,
} from '../../../server/src/hooks/compaction.ts';
import type { Commit } from '../../../server/src/hooks/RoomHook.ts';

const EVERY = 500;

describe('isCompactionDue', () => {
  it('folds every COMPACT_EVERY entries when the room gives no byte figures', () => {
    expect(isCompactionDue({ logLength: EVERY - 1 }, EVERY)).toBe(false);
    expect(isCompactionDue({ logLength: EVERY }, EVERY)).toBe(true);
  });

  it('on a small board, still folds at COMPACT_EVERY entries, and never before', () => {
    const small = { snapshotBytes: 10_000, logBytes: 100_000 };
    expect(isCompactionDue({ ...small, logLength: EVERY - 1 }, EVERY)).toBe(false);
    expect(isCompactionDue({ ...small, logLength: EVERY }, EVERY)).toBe(true);
  });

  it('on a large board, waits until the log weighs its share of the snapshot', () => {
    const snapshotBytes = 5_000_000;
    const entryBytes = 250;
    const entriesDue = Math.ceil((LOG_SHARE_OF_SNAPSHOT * snapshotBytes) / (entryBytes + ENTRY_WEIGHT_BYTES));
    const at = (logLength: number) => ({ snapshotBytes, logLength, logBytes: logLength * entryBytes });
    expect(entriesDue).toBeGreaterThan(EVERY);
    expect(isCompactionDue(at(EVERY), EVERY)).toBe(false);
    expect(isCompactionDue(at(entriesDue - 1), EVERY)).toBe(false);
    expect(isCompactionDue(at(entriesDue), EVERY)).toBe(true);
  });

  it('folds a log of MAX_LOG_WEIGHT_BYTES whatever the snapshot and however few its entries', () => {
    expect(isCompactionDue({ snapshotBytes: 19_000_000, logLength: 4, logBytes: MAX_LOG_WEIGHT_BYTES }, EVERY)).toBe(
      true,
    );
    expect(
      isCompactionDue({ snapshotBytes: 19_000_000, logLength: 4, logBytes: MAX_LOG_WEIGHT_BYTES - 5 * 1024 }, EVERY),
    ).toBe(false);
  });

  it('keeps the work per logged byte flat: entries between folds grow in step with the snapshot', () => {
    const entriesBetween = (snapshotBytes: number) => {
      let n = 1;
      while (!isCompactionDue({ snapshotBytes, logLength: n, logBytes: n * 250 }, EVERY)) n++;
      return n;
    };
    const [mid, large] = [entriesBetween(1_300_000), entriesBetween(5_200_000)];
    expect(large / mid).toBeCloseTo(4, 1);
  });
});

describe('compactWhenLong', () => {
  it('requests a compaction when due, after the batch is stored', async () => {
    let compactions = 0;
    const hook = compactWhenLong(3);
    const stored: Commit = {
      boardId: 'b1',
      updates: [],
      logLength: 3,
      logBytes: 300,
      snapshotBytes: 100_000,
      lastSeq: 3,
      seconds: 0,
      requestCompaction: () => void compactions++,
    };
    await hook.onCommit!(stored);
    expect(compactions).toBe(0);
    await hook.onCommit!({ ...stored, snapshotBytes: 100 });
    expect(compactions).toBe(1);
  });
});
