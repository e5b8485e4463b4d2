// Integrity of stored docs: CRC-32 of blobs, the checks a board's snapshot and log must pass, and the boards that failed.
import { crc32 } from 'node:zlib';
import { DamagedBoardError } from './DocLog.ts';

export { crc32 };

/** A stored blob whose CRC-32 differs from the one stored with it; rows written before checksums have none. */
export function isCorrupt(data: Uint8Array, checksum: number | null): boolean {
  return checksum !== null && crc32(data) !== checksum;
}

export interface LogEntry {
  seq: number;
  data: Uint8Array;
  checksum: number | null;
}

export interface SnapshotEntry {
  doc: Uint8Array;
  upToSeq: number;
  checksum: number | null;
}

/** What is wrong with a board's log after the snapshot (bad checksum, a gap in sequence numbers), if anything. */
export function logProblem(entries: Iterable<LogEntry>, fromSeq: number): string | undefined {
  let expected = fromSeq + 1;
  for (const entry of entries) {
    if (entry.seq !== expected) return `changes ${expected} to ${entry.seq - 1} are missing from the log`;
    if (isCorrupt(entry.data, entry.checksum)) return `change ${entry.seq} fails its checksum`;
    expected++;
  }
  return undefined;
}

/** What is wrong with a board's stored doc (its snapshot, then the log after it), if anything. */
export function storedDocProblem(snapshot: SnapshotEntry | undefined, log: Iterable<LogEntry>): string | undefined {
  if (snapshot && isCorrupt(snapshot.doc, snapshot.checksum)) return 'the snapshot fails its checksum';
  return logProblem(log, snapshot?.upToSeq ?? 0);
}

/** Boards found damaged (at start-up or on load): refused until the store is repaired and the server restarted. */
export class DamagedBoards {
  private readonly found = new Map<string, DamagedBoardError>();

  /** Throws what was found earlier for this board, if anything. */
  refuseKnown(boardId: string): void {
    const known = this.found.get(boardId);
    if (known) throw known;
  }

  /** Remembers the board as damaged when `problem` says what is wrong; returns the error to throw or report. */
  record(boardId: string, problem: string | undefined): DamagedBoardError | undefined {
    if (problem === undefined) return undefined;
    const error = new DamagedBoardError(boardId, problem);
    this.found.set(boardId, error);
    return error;
  }
}
