// A sticky note: one idea, posted by one person into one area (station).
import { NOTE_TEXT_MAX, NAME_MAX } from './limits.ts';
import { isRole, type Role } from './Role.ts';
import { fail, ok, type Result } from './Result.ts';
import { cleanCoord, cleanId, cleanText, cleanTime, cleanOptionalText } from './validate.ts';

export interface Note {
  id: string;
  areaId: string;
  text: string;
  authorId: string;
  authorName: string;
  authorRole: Role;
  createdAt: number;
  groupId?: string;
  x?: number;
  y?: number;
  /** Where imported input came from ("Public consultation, 12 March 2017"); absent for notes posted in the room. */
  source?: string;
  /** Dots the note received in a dot vote, written by the server when the facilitator reveals the votes. */
  votes?: number;
}

/** Keys a note record may carry; anything else is refused by the server and ignored by readers. */
export const NOTE_KEYS = [
  'id', 'areaId', 'text', 'authorId', 'authorName', 'authorRole', 'createdAt', 'groupId', 'x', 'y', 'source', 'votes',
] as const;
export type NoteKey = (typeof NOTE_KEYS)[number];

export const SOURCE_MAX = 120;

/** Validates a raw note record (as read from the doc). */
export function parseNote(raw: Record<string, unknown>): Result<Note> {
  const id = cleanId(raw.id);
  if (!id) return fail('note id is missing or malformed');
  const areaId = cleanId(raw.areaId);
  if (!areaId) return fail('note has no area');
  const text = cleanText(raw.text, NOTE_TEXT_MAX);
  if (text === undefined || text !== raw.text) return fail(`note text must be 1 to ${NOTE_TEXT_MAX} characters, trimmed`);
  const authorId = cleanId(raw.authorId);
  if (!authorId) return fail('note has no author');
  const authorName = cleanText(raw.authorName, NAME_MAX);
  if (authorName === undefined) return fail('note has no author name');
  if (!isRole(raw.authorRole)) return fail('note author role is unknown');
  const createdAt = cleanTime(raw.createdAt);
  if (createdAt === undefined) return fail('note has no creation time');
  const note: Note = { id, areaId, text, authorId, authorName, authorRole: raw.authorRole, createdAt };
  if (raw.groupId !== undefined && raw.groupId !== null) {
    const groupId = cleanId(raw.groupId);
    if (!groupId) return fail('note group id is malformed');
    note.groupId = groupId;
  }
  for (const axis of ['x', 'y'] as const) {
    if (raw[axis] === undefined) continue;
    const value = cleanCoord(raw[axis]);
    if (value === undefined) return fail(`note ${axis} is not a finite coordinate`);
    note[axis] = value;
  }
  if (raw.source !== undefined) {
    const source = cleanOptionalText(raw.source, SOURCE_MAX);
    if (source === undefined) return fail(`note source must be at most ${SOURCE_MAX} characters`);
    if (source) note.source = source;
  }
  if (raw.votes !== undefined) {
    const votes = cleanTime(raw.votes);
    if (votes === undefined) return fail('note votes must be a whole number of 0 or more');
    note.votes = votes;
  }
  return ok(note);
}
