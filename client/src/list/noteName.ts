// How a control names the note it acts on: "note: How is L-root operated…", short enough to hear, long enough to tell apart.
import type { Note } from '@shared/model/Note.ts';
import { shorten } from '../ui/shorten.ts';

/** Characters of the note's text a control's name quotes. */
const QUOTED = 40;

/** "note: <start of its text>", for names such as "Edit note: …", "Delete note: …". */
export function noteName(note: Pick<Note, 'text'>): string {
  return `note: ${shorten(note.text.replace(/\s+/g, ' ').trim(), QUOTED)}`;
}
