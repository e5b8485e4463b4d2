// Moves several notes in one transaction (a tidy, a frame drag), optionally merging the moved group into another.
import type * as Y from 'yjs';
import type { Origin } from '../doc/boardDoc.ts';
import { moveNote } from '../doc/ops.ts';
import { ok, type Result } from '../model/Result.ts';
import { mergeGroups } from './mergeGroups.ts';

export interface NoteMove {
  noteId: string;
  x: number;
  y: number;
}

/** Moves every note to its new place, within its station, as one change; returns the first refusal, if any. */
export function moveNotes(doc: Y.Doc, moves: readonly NoteMove[], origin: Origin = 'local'): Result<void> {
  let result: Result<void> = ok(undefined);
  doc.transact(() => {
    for (const move of moves) {
      const moved = moveNote(doc, move.noteId, { x: move.x, y: move.y }, origin);
      if (!moved.ok && result.ok) result = moved;
    }
  }, origin);
  return result;
}

/** A frame dropped onto another: its notes move, then its group merges into the other (at `at`, epoch ms), as one change. */
export function moveAndMerge(
  doc: Y.Doc,
  moves: readonly NoteMove[],
  fromId: string,
  intoId: string,
  origin: Origin = 'local',
  at?: number,
): Result<void> {
  let result: Result<void> = ok(undefined);
  doc.transact(() => {
    result = moveNotes(doc, moves, origin);
    const merged = mergeGroups(doc, fromId, intoId, origin, at);
    if (!merged.ok) result = merged;
  }, origin);
  return result;
}
