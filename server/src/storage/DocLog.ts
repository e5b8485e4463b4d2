// A board's Y.Doc as the store keeps it: a snapshot and the log of updates after it. What a Room needs, and no more.

/** What the store holds for a board fails its checks (checksum, missing log entries): it is not served. */
export class DamagedBoardError extends Error {
  constructor(
    readonly boardId: string,
    readonly detail: string,
  ) {
    super(`The stored data of board ${boardId} is damaged (${detail}).`);
  }
}

export interface StoredDoc {
  /** The latest snapshot (a full Yjs update) or null, then the log of updates after it, in order. */
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Sequence number of the last log entry (0 when empty), for compaction. */
  lastSeq: number;
}

export interface DocLog {
  /** The board's snapshot and log; throws DamagedBoardError when they fail their checks. */
  loadDoc(boardId: string): Promise<StoredDoc>;
  /** Durably appends updates (one transaction); tells how long the log is now, for compaction. */
  appendUpdates(boardId: string, updates: Uint8Array[]): Promise<{ logLength: number; lastSeq: number }>;
  /** Replaces the snapshot and drops log entries up to `upToSeq`, atomically. */
  compact(boardId: string, snapshot: Uint8Array, upToSeq: number): Promise<void>;
}
