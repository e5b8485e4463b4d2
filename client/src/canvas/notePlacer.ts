// Where a note will sit once a change lands, by the same layout every screen draws: so the place is written once.
import { useCallback } from 'react';
import type { Point } from '@shared/ideas/geometry.ts';
import type { Area } from '@shared/model/Area.ts';
import type { Note } from '@shared/model/Note.ts';
import { useCurrentExercise } from '../board/boardHooks.ts';
import { layoutBoard } from './layout.ts';

/** A note as it would be after the change: a new note, or an existing one moved, grouped or ungrouped. */
export type NoteAfter = Pick<Note, 'id' | 'areaId'> & Partial<Pick<Note, 'groupId' | 'x' | 'y'>>;

const BLANK = { text: '', authorId: '', authorName: '', authorRole: 'participant' as const, createdAt: 0 };

/**
 * The board position the first of `changes` gets in the layout of `areas` with all of them applied (an existing
 * note keeps its place in the board's order, a new one comes last), or undefined when its station is not laid out.
 */
export function placeAfter(
  areas: readonly Area[],
  notes: readonly Note[],
  ...changes: [NoteAfter, ...NoteAfter[]]
): Point | undefined {
  let next: Note[] = [...notes];
  for (const after of changes) {
    const existing = next.find((n) => n.id === after.id);
    const changed: Note = { ...(existing ?? BLANK), ...after };
    next = existing ? next.map((n) => (n.id === after.id ? changed : n)) : [...next, changed];
  }
  const placed = layoutBoard(areas, next).notes.find((p) => p.note.id === changes[0].id);
  return placed && { x: placed.x, y: placed.y };
}

/** placeAfter for the current exercise's stations and notes. */
export type NotePlacer = (...changes: [NoteAfter, ...NoteAfter[]]) => Point | undefined;

export function useNotePlacer(): NotePlacer {
  const { stations, notes } = useCurrentExercise();
  return useCallback(
    (...changes: [NoteAfter, ...NoteAfter[]]) => placeAfter(stations, notes, ...changes),
    [stations, notes],
  );
}
