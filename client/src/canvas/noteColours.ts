// The fill of each note on the canvas: by its station or by its author, as the facilitator chose for every screen.
import type { NoteColouring } from '@shared/model/Meta.ts';
import type { Note } from '@shared/model/Note.ts';

/** Light fills that keep #222 text above 4.5:1 and tell neighbours apart. */
export const NOTE_FILLS = ['#fff3a0', '#c8efd4', '#cfe3ff', '#ffd6e5', '#e4d8ff', '#ffdcb8', '#d2f1f4', '#eceab0'];

/** A stable small number for a text (FNV-1a): the same author gets the same colour on every screen. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** A station's own colour (its notes' fill when notes are coloured by station). */
export function stationFill(stationIndex: number): string {
  return NOTE_FILLS[stationIndex % NOTE_FILLS.length]!;
}

/** The note's fill: its station's place in the exercise, or a colour picked from its author's id. */
export function noteFill(note: Note, colouring: NoteColouring, stationIndex: ReadonlyMap<string, number>): string {
  return stationFill(colouring === 'author' ? hashOf(note.authorId) : (stationIndex.get(note.areaId) ?? 0));
}
