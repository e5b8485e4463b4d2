// What the list and phone views offer on notes and groups: a mirror of the server's rules, so no refused write is tried.
import type { Note } from '../../../shared/src/model/Note.ts';
import type { Session } from '../../../shared/src/model/Session.ts';
import { canWriteInPhase } from '../../../shared/src/rules/permissions.ts';
import type { Viewer } from '../board/permissions.ts';

/** The part of the session that decides who may write what. */
export type SessionRights = Pick<Session, 'phase' | 'observersMayPost'>;

/** Edit and delete: the facilitator always; the author in any phase where they may write at all. */
export function canEditNote(viewer: Viewer, session: SessionRights, note: Pick<Note, 'authorId'>): boolean {
  if (!canWriteInPhase(viewer.role, session.phase, session.observersMayPost)) return false;
  return viewer.role === 'facilitator' || note.authorId === viewer.participantId;
}

/**
 * Making, naming and filling groups: the facilitator always; participants in the group and rotate phases.
 * Observers never (the server refuses them any group write).
 */
export function canGroup(viewer: Viewer, session: SessionRights): boolean {
  if (viewer.role === 'facilitator') return true;
  return viewer.role === 'participant' && (session.phase === 'group' || session.phase === 'rotate');
}
