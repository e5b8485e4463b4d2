// Writes sealed input into the board doc once the session no longer seals it: private notes as notes, votes as totals.
import type * as Y from 'yjs';
import { boardMaps, toRecordMap } from '@shared/doc/boardDoc.ts';
import { isRole } from '@shared/model/Role.ts';
import { isPostingPrivate, isVoteOpen, type Session } from '@shared/model/Session.ts';
import type { PrivateNoteRecord, VoteRecord } from '../storage/Storage.ts';

/** Sealed input read from the store before a session change, so the change can reveal it in the same update. */
export interface PendingSealed {
  notes: PrivateNoteRecord[];
  votes: VoteRecord[];
}

/** What the store may forget once the doc holding the revealed input is committed. */
export interface Revealed {
  /** Private notes now in the doc (or already there): delete them from the store. */
  noteIds: string[];
  /** True when the store's votes are spent (revealed, or stale from a vote that ended): clear them. */
  clearVotes: boolean;
}

/** Per-station counts of private notes, for the session's `privateCounts`. */
export function countByArea(notes: readonly Pick<PrivateNoteRecord, 'areaId'>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const note of notes) counts[note.areaId] = (counts[note.areaId] ?? 0) + 1;
  return counts;
}

/** The author of a private note as the board knows them (name and role from the participants map). */
function author(doc: Y.Doc, participantId: string): { name: string; role: 'participant' | 'observer' | 'facilitator' } {
  const record = boardMaps(doc).participants.get(participantId);
  const name = record?.get('name');
  const role = record?.get('role');
  return {
    name: typeof name === 'string' && name.trim() ? name : 'Participant',
    role: isRole(role) ? role : 'participant',
  };
}

/** Writes private notes into the notes map as ordinary notes; ids already present are left alone (idempotent). */
function revealNotes(doc: Y.Doc, notes: readonly PrivateNoteRecord[]): void {
  const maps = boardMaps(doc);
  for (const note of notes) {
    if (maps.notes.has(note.noteId)) continue;
    const who = author(doc, note.participantId);
    maps.notes.set(
      note.noteId,
      toRecordMap({
        id: note.noteId,
        areaId: note.areaId,
        text: note.text,
        authorId: note.participantId,
        authorName: who.name,
        authorRole: who.role,
        createdAt: note.createdAt,
      }),
    );
  }
}

/** Writes each note's total dots of the vote that just closed; notes of the exercise that got none read 0. */
function revealVotes(doc: Y.Doc, session: Session, votes: readonly VoteRecord[]): void {
  const maps = boardMaps(doc);
  const totals = new Map<string, number>();
  for (const vote of votes) totals.set(vote.noteId, (totals.get(vote.noteId) ?? 0) + vote.count);
  for (const [noteId, note] of maps.notes) {
    const area = maps.areas.get(String(note.get('areaId')));
    const isThisExercise = area?.get('exerciseId') === session.exerciseId;
    const total = totals.get(noteId) ?? 0;
    if (!isThisExercise && total === 0) continue;
    if (note.get('votes') !== total) note.set('votes', total);
  }
}

/** The session to write after a change: with no private-note counts once posting is no longer private. */
export function settledSession(after: Session): Session {
  return !isPostingPrivate(after) && Object.keys(after.privateCounts).length > 0
    ? { ...after, privateCounts: {} }
    : after;
}

/**
 * Call inside the room transaction that writes `after` (the session that results from a command or the clock):
 * reveals the private notes unless posting is still private, and the votes when the vote closes. Returns what
 * the store may then forget. `before` is the session the change started from; write `settledSession(after)`.
 */
export function revealSealed(doc: Y.Doc, before: Session, after: Session, pending: PendingSealed): Revealed {
  let noteIds: string[] = [];
  if (!isPostingPrivate(after)) {
    revealNotes(doc, pending.notes);
    noteIds = pending.notes.map((note) => note.noteId);
  }
  const wasOpen = isVoteOpen(before);
  const isOpen = isVoteOpen(after);
  if (wasOpen && !isOpen) revealVotes(doc, after, pending.votes);
  // Votes are kept only while one vote stays open; any others are spent, or stale (a crash between the doc's
  // commit and the store's clear) and must not count in a new vote.
  const clearVotes = pending.votes.length > 0 && !(wasOpen && isOpen);
  return { noteIds, clearVotes };
}
