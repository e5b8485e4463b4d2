// Sealed input: what participants post or vote while it is private, kept out of the board doc until revealed.

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

export interface SealedStore {
  /** Private notes of a board, oldest first; only one participant's when `participantId` is given. */
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
}
