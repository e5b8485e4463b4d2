// Who and what a board is: its record and codes, its participants, and the devices kept out of it.
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

export interface BoardDirectory {
  /** Stores the board, its facilitator and its first snapshot, in one transaction. */
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
}
