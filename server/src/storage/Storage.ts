// The store behind a small interface, so SQLite (embedded default) and PostgreSQL later are interchangeable.
import type { Role } from '../../../shared/src/model/Role.ts';

export interface BoardRecord {
  boardId: string;
  title: string;
  templateId: string;
  createdAt: number;
  facilitatorTokenHash: string;
  /** Kept in clear so the facilitator can show the links again; compared in constant time. */
  joinCode: string;
  observerCode: string;
  isArchived: boolean;
}

export interface ParticipantRecord {
  participantId: string;
  boardId: string;
  name: string;
  role: Role;
  tokenHash: string;
  joinedAt: number;
  isRemoved: boolean;
}

export interface StoredDoc {
  /** The latest snapshot (a full Yjs update) or null, then the log of updates after it, in order. */
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Sequence number of the last log entry (0 when empty), for compaction. */
  lastSeq: number;
}

export interface Storage {
  createBoard(board: BoardRecord, facilitator: ParticipantRecord, initialUpdate: Uint8Array): Promise<void>;
  getBoard(boardId: string): Promise<BoardRecord | undefined>;
  listBoards(): Promise<BoardRecord[]>;
  setJoinCode(boardId: string, joinCode: string): Promise<void>;
  setArchived(boardId: string, isArchived: boolean): Promise<void>;

  addParticipant(participant: ParticipantRecord): Promise<void>;
  findParticipantByTokenHash(boardId: string, tokenHash: string): Promise<ParticipantRecord | undefined>;
  getParticipant(boardId: string, participantId: string): Promise<ParticipantRecord | undefined>;
  removeParticipant(boardId: string, participantId: string): Promise<void>;

  loadDoc(boardId: string): Promise<StoredDoc>;
  /** Durably appends updates (one transaction); tells how long the log is now, for compaction. */
  appendUpdates(boardId: string, updates: Uint8Array[]): Promise<{ logLength: number; lastSeq: number }>;
  /** Replaces the snapshot and drops log entries up to `upToSeq`, atomically. */
  compact(boardId: string, snapshot: Uint8Array, upToSeq: number): Promise<void>;

  /** A consistent copy of the whole store at `destination`, while it keeps serving. */
  backup(destination: string): Promise<void>;
  close(): void;
}
