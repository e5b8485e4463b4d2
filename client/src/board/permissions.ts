// What the interface offers to whom: a mirror of the server's rules (shared/src/rules) for hints; the server decides.
import type { Note } from '../../../shared/src/model/Note.ts';
import type { Phase } from '../../../shared/src/model/Phase.ts';
import type { Role } from '../../../shared/src/model/Role.ts';
import { canWriteInPhase } from '../../../shared/src/rules/permissions.ts';

export interface Viewer {
  participantId: string;
  role: Role;
}

/** Why this person cannot post now, in plain words, or null when they can. */
export function postingClosedReason(viewer: Viewer, phase: Phase, observersMayPost: boolean): string | null {
  if (viewer.role === 'facilitator') return null;
  if (viewer.role === 'observer' && !observersMayPost) return 'Observers read only.';
  switch (phase) {
    case 'post':
    case 'rotate':
      return null;
    case 'setup':
      return 'Posting opens when the facilitator starts the session.';
    case 'group':
      return 'The room is grouping notes now; posting is paused.';
    case 'vote':
      return 'The room is voting now; posting is closed.';
    case 'closed':
      return 'The board is closed.';
  }
}

/** Whether the note can be dragged by this person now (own notes while writing; anyone's while grouping). */
export function canMoveNote(viewer: Viewer, phase: Phase, observersMayPost: boolean, note: Note): boolean {
  if (!canWriteInPhase(viewer.role, phase, observersMayPost)) return false;
  if (viewer.role === 'facilitator' || note.authorId === viewer.participantId) return true;
  return viewer.role === 'participant' && (phase === 'group' || phase === 'rotate');
}
