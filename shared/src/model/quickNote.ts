// The common note checked by hand: a board read parses every note (5,000 on a large board, about 25-40 ms through
// the schema on a cold join), and almost all of them are plain, valid, already-trimmed records.
import { cleanCoord, cleanId, fitsCodePoints } from './validate.ts';
import { NAME_MAX, NOTE_TEXT_MAX, SOURCE_MAX } from './limits.ts';
import { isRole } from './Role.ts';
import type { Note } from './Note.ts';

/** Text the schema would keep as it is: a string, already trimmed, of `min`..`max` code points. */
const isKeptText = (value: unknown, min: number, max: number): value is string =>
  typeof value === 'string' && value.length >= min && value === value.trim() && fitsCodePoints(value, max);

/** A count as the schema reads one: a whole number from 0 that a double holds exactly. */
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/**
 * The note `raw` reads to when every field is plainly valid, built in one go (absent fields are never added, so
 * no key is deleted afterwards). Undefined when anything is unusual, a key outside `keys` (the schema's) included,
 * so that the schema decides and words the refusal. Whenever this answers, it answers what the schema would:
 * `tests/unit/model/quickNote.test.ts` compares the two.
 */
export function quickNote(raw: Record<string, unknown>, keys: ReadonlySet<string>): Note | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  for (const key of Object.keys(raw)) if (!keys.has(key)) return undefined;
  const { text, authorName, authorRole, createdAt, groupId, x, y, source, votes } = raw;
  const id = cleanId(raw.id);
  const areaId = cleanId(raw.areaId);
  const authorId = cleanId(raw.authorId);
  if (id === undefined || areaId === undefined || authorId === undefined) return undefined;
  if (!isKeptText(text, 1, NOTE_TEXT_MAX) || !isKeptText(authorName, 1, NAME_MAX)) return undefined;
  if (!isRole(authorRole) || !isCount(createdAt)) return undefined;
  const note: Note = { id, areaId, text, authorId, authorName, authorRole, createdAt };
  if (groupId !== undefined && groupId !== null) {
    note.groupId = cleanId(groupId);
    if (note.groupId === undefined) return undefined;
  }
  if (x !== undefined) {
    note.x = cleanCoord(x);
    if (note.x === undefined) return undefined;
  }
  if (y !== undefined) {
    note.y = cleanCoord(y);
    if (note.y === undefined) return undefined;
  }
  if (source !== undefined) {
    if (!isKeptText(source, 0, SOURCE_MAX)) return undefined;
    if (source !== '') note.source = source;
  }
  if (votes !== undefined) {
    if (!isCount(votes)) return undefined;
    note.votes = votes;
  }
  return note;
}
