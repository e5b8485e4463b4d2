// The little a room needs from the store: its doc's snapshot and log, appended to and folded.
import type { StoredDoc } from '../storage/Storage.ts';

export interface RoomStore {
  loadDoc(boardId: string): Promise<StoredDoc>;
  /** Durably appends updates (one transaction); tells how long the log is now, for compaction. */
  appendUpdates(boardId: string, updates: Uint8Array[]): Promise<{ logLength: number; lastSeq: number }>;
  /** Replaces the snapshot and drops log entries up to `upToSeq`. */
  compact(boardId: string, snapshot: Uint8Array, upToSeq: number): Promise<void>;
}
