// A room's writes on their way out: what its doc emitted that nobody has seen, committed to the store as one log
// entry and only then broadcast; and the stored log's size, which decides compaction and whether the board is full.
import * as Y from 'yjs';
import type { RoomHooks } from '../hooks/RoomHooks.ts';
import type { StoredDoc } from '../storage/Storage.ts';
import { joinBatch, type BatchEntry } from './broadcastBatch.ts';
import { batchChannel, type BatchTiming } from './batchTiming.ts';
import type { Peer } from './Peer.ts';
import type { RoomStore } from './RoomStore.ts';

export interface CommitDeps {
  boardId: string;
  doc: Y.Doc;
  store: RoomStore;
  hooks: RoomHooks;
  /** The store failed (or a commit hook threw): the room stops serving. */
  fail(error: Error): void;
  /** The whole doc was just encoded for a compaction: `snapshot` is the doc as it is at this moment. */
  encoded?(snapshot: Uint8Array): void;
}

export class RoomCommits {
  /** Applied to the doc, not stored yet: committed together once no message waits behind them. */
  private pending: BatchEntry[] = [];
  private pendingBytes = 0;
  private storedBytes = 0;
  /** Of `storedBytes`, the snapshot's (the rest is the log after it), for the compaction cadence. */
  private snapshotBytes = 0;
  private lastSeq = 0;
  /** When the first client update of the pending batch arrived (only timed while `batchChannel` has subscribers). */
  private batchSince: number | undefined;

  constructor(private readonly deps: CommitDeps) {}

  /** What the store held when the board was loaded. */
  loaded(stored: StoredDoc): void {
    this.lastSeq = stored.lastSeq;
    this.snapshotBytes = stored.snapshot?.length ?? 0;
    this.storedBytes = this.snapshotBytes + stored.updates.reduce((sum, u) => sum + u.length, 0);
  }

  add(entry: BatchEntry): void {
    this.pending.push(entry);
    this.pendingBytes += entry.update.length;
  }

  /** A client update of this batch arrived at `at` (performance.now()). */
  arrived(at: number): void {
    this.batchSince ??= at;
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  /** The board's stored bytes with what waits to be stored. */
  get bytes(): number {
    return this.storedBytes + this.pendingBytes;
  }

  get stored(): number {
    return this.storedBytes;
  }

  /** Drops everything pending (the doc can no longer be trusted) and returns the first `count` entries of it. */
  abandon(count: number): BatchEntry[] {
    const kept = this.pending.slice(0, count);
    this.pending = [];
    this.pendingBytes = 0;
    return kept;
  }

  /** Commits what the doc emitted, then broadcasts it (nothing is seen before it is stored), then any compaction. */
  async flush(peers: ReadonlySet<Peer>): Promise<void> {
    if (this.pending.length === 0) return;
    const { boardId, hooks } = this.deps;
    const batch = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    const updates = batch.map((entry) => entry.update);
    const since = this.batchSince;
    this.batchSince = undefined;
    // The append is the core's own step, not a hook: no list of hooks can leave a change unstored yet broadcast.
    const started = performance.now();
    let joined;
    let stored;
    try {
      // The batch is one log entry: one row to write (and to replay at load) instead of one per update.
      joined = joinBatch(batch);
      stored = await this.deps.store.appendUpdates(boardId, [joined.update]);
    } catch (error) {
      const seconds = (performance.now() - started) / 1000;
      hooks.commitFailed({ boardId, updates, seconds, error });
      this.deps.fail(error as Error);
      return;
    }
    const seconds = (performance.now() - started) / 1000;
    this.lastSeq = stored.lastSeq;
    this.storedBytes += joined.update.length;
    let compactionRequested = false;
    try {
      await hooks.committed({
        boardId,
        updates,
        logLength: stored.logLength,
        logBytes: this.storedBytes - this.snapshotBytes,
        snapshotBytes: this.snapshotBytes,
        lastSeq: stored.lastSeq,
        seconds,
        requestCompaction: () => void (compactionRequested = true),
      });
    } catch (error) {
      this.deps.fail(error as Error);
      return;
    }
    const broadcastAt = performance.now();
    joined.broadcast(peers.keys());
    if (since !== undefined && batchChannel.hasSubscribers) {
      const timing: BatchTiming = {
        boardId,
        updates: updates.length,
        peers: peers.size,
        waitedMs: started - since,
        commitMs: broadcastAt - started,
        broadcastMs: performance.now() - broadcastAt,
      };
      batchChannel.publish(timing);
    }
    // After the fan-out (it is housekeeping, not part of the batch's latency) but before the queue moves on, so the
    // doc encoded is exactly what is stored. The batch is stored already: a failure only closes the board.
    if (compactionRequested) await this.compact().catch((error: Error) => this.deps.fail(error));
  }

  /** Folds the log into one snapshot (the doc must be exactly what is stored: nothing pending). */
  async compact(): Promise<void> {
    const snapshot = Y.encodeStateAsUpdate(this.deps.doc);
    this.deps.encoded?.(snapshot);
    await this.deps.store.compact(this.deps.boardId, snapshot, this.lastSeq);
    this.storedBytes = snapshot.length;
    this.snapshotBytes = snapshot.length;
  }
}
