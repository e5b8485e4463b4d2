// The store behind a few small interfaces, each used by the part of the server that needs it: the doc log (rooms),
// the board directory (boards, participants, codes), sealed input (private notes, votes) and the operator's side.
// SQLite (embedded default) and PostgreSQL (many servers) implement each one; the composition root holds all four.
import type { BoardDirectory } from './BoardDirectory.ts';
import type { DocLog } from './DocLog.ts';
import type { SealedStore } from './SealedStore.ts';
import type { StoreAdmin } from './StoreAdmin.ts';

export { DamagedBoardError, type DocLog, type StoredDoc } from './DocLog.ts';
export type { BoardDirectory, BoardRecord, ParticipantRecord } from './BoardDirectory.ts';
export type { PrivateNoteRecord, SealedStore, VoteRecord } from './SealedStore.ts';
export type { StoreAdmin } from './StoreAdmin.ts';

export interface Storage extends DocLog, BoardDirectory, SealedStore, StoreAdmin {}
