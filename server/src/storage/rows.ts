// Table rows (snake_case, as both SQLite and PostgreSQL return them) to records. SQLite gives 0/1 for booleans and
// numbers for integers; node-postgres gives booleans and strings for BIGINT: both read the same here.
import { ROLES } from '@shared/model/Role.ts';
import type { BoardRecord, ParticipantRecord } from './BoardDirectory.ts';
import type { PrivateNoteRecord, VoteRecord } from './SealedStore.ts';

export type Row = Record<string, unknown>;

const num = (value: unknown): number => Number(value);
const str = (value: unknown): string => String(value);
const flag = (value: unknown): boolean => value === true || value === 1;

/** A nullable integer column (BIGINT arrives as a string from PostgreSQL). */
export function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

export function toBoard(row: Row): BoardRecord {
  return {
    boardId: str(row.board_id),
    title: str(row.title),
    templateId: str(row.template_id),
    createdAt: num(row.created_at),
    facilitatorTokenHash: str(row.facilitator_token_hash),
    joinCode: str(row.join_code),
    observerCode: str(row.observer_code),
    isArchived: flag(row.is_archived),
  };
}

export function toParticipant(row: Row): ParticipantRecord {
  const role = str(row.role);
  return {
    participantId: str(row.participant_id),
    boardId: str(row.board_id),
    name: str(row.name),
    // The shared constant, not the row's copy: a server holds an actor (and this string) per open connection.
    role: ROLES.find((known) => known === role) ?? 'observer',
    tokenHash: str(row.token_hash),
    joinedAt: num(row.joined_at),
    isRemoved: flag(row.is_removed),
    ...(row.device_hash === null || row.device_hash === undefined ? {} : { deviceHash: str(row.device_hash) }),
  };
}

export function toPrivateNote(row: Row): PrivateNoteRecord {
  return {
    boardId: str(row.board_id),
    noteId: str(row.note_id),
    participantId: str(row.participant_id),
    areaId: str(row.area_id),
    text: str(row.text),
    createdAt: num(row.created_at),
  };
}

export function toVote(row: Row): VoteRecord {
  return {
    boardId: str(row.board_id),
    participantId: str(row.participant_id),
    noteId: str(row.note_id),
    count: num(row.count),
  };
}
