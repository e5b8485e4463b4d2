// The store behind a small interface, so SQLite (embedded default) and PostgreSQL later are interchangeable.
import type { Role } from '@shared/model/Role.ts';

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
  /** A hash of the device id the browser sent at join, when it sent one; a blocked device cannot join again. */
  deviceHash?: string;
}

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

/** A note posted while posting is private: kept here, never in the board doc, until the server reveals it. */
export interface PrivateNoteRecord {
  boardId: string;
  noteId: string;
  participantId: string;
  areaId: string;
  text: string;
  createdAt: number;
}

/** The dots one participant placed on one note in a vote that is not revealed yet. */
export interface VoteRecord {
  boardId: string;
  participantId: string;
  noteId: string;
  count: number;
}

export interface Storage {
  createBoard(board: BoardRecord, facilitator: ParticipantRecord, initialUpdate: Uint8Array): Promise<void>;
  getBoard(boardId: string): Promise<BoardRecord | undefined>;
  listBoards(): Promise<BoardRecord[]>;
  setJoinCode(boardId: string, joinCode: string): Promise<void>;
  setObserverCode(boardId: string, observerCode: string): Promise<void>;
  setArchived(boardId: string, isArchived: boolean): Promise<void>;

  addParticipant(participant: ParticipantRecord): Promise<void>;
  findParticipantByTokenHash(boardId: string, tokenHash: string): Promise<ParticipantRecord | undefined>;
  getParticipant(boardId: string, participantId: string): Promise<ParticipantRecord | undefined>;
  removeParticipant(boardId: string, participantId: string): Promise<void>;
  /** Keeps the device out of the board from `at` on; blocking it again changes nothing. */
  blockDevice(boardId: string, deviceHash: string, at: number): Promise<void>;
  isDeviceBlocked(boardId: string, deviceHash: string): Promise<boolean>;

  loadDoc(boardId: string): Promise<StoredDoc>;
  /** Durably appends updates (one transaction); tells how long the log is now, for compaction. */
  appendUpdates(boardId: string, updates: Uint8Array[]): Promise<{ logLength: number; lastSeq: number }>;
  /** Replaces the snapshot and drops log entries up to `upToSeq`, atomically. */
  compact(boardId: string, snapshot: Uint8Array, upToSeq: number): Promise<void>;

  /** Sealed input. Private notes of a board, oldest first; only one participant's when `participantId` is given. */
  listPrivateNotes(boardId: string, participantId?: string): Promise<PrivateNoteRecord[]>;
  getPrivateNote(boardId: string, noteId: string): Promise<PrivateNoteRecord | undefined>;
  addPrivateNote(note: PrivateNoteRecord): Promise<void>;
  updatePrivateNote(boardId: string, noteId: string, text: string): Promise<void>;
  /** Removes the given private notes (once revealed, or deleted by their author). */
  deletePrivateNotes(boardId: string, noteIds: readonly string[]): Promise<void>;
  /** Votes of a board (only one participant's when given); entries with a count of 0 are not kept. */
  listVotes(boardId: string, participantId?: string): Promise<VoteRecord[]>;
  /** Sets one participant's dots on one note; a count of 0 removes the entry. */
  setVote(vote: VoteRecord): Promise<void>;
  clearVotes(boardId: string): Promise<void>;

  /** A consistent copy of the whole store at `destination`, while it keeps serving. */
  backup(destination: string): Promise<void>;
  close(): void;
}
