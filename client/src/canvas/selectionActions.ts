// What the canvas does with several selected notes at once: move them together, or group them, each as one change
// (one step of the local undo), with the free places the layout gives them written once.
import type * as Y from 'yjs';
import { setNoteGroup } from '@shared/doc/ops.ts';
import { groupNotes } from '@shared/ideas/groupNotes.ts';
import { moveNotes } from '@shared/ideas/moveNotes.ts';
import type { Note } from '@shared/model/Note.ts';
import { fail, ok, type Result } from '@shared/model/Result.ts';
import { moveNote } from '@shared/doc/ops.ts';
import { GEOMETRY, type BoardLayout } from './layout.ts';
import type { NoteAfter, NotePlacer } from './notePlacer.ts';

/** The selected notes that are on this board's layout, in the board's order. */
function selected(layout: BoardLayout, ids: ReadonlySet<string>) {
  return layout.notes.filter((p) => ids.has(p.note.id));
}

/** Moves every selected note by (dx, dy), each kept inside its own station. */
export function moveSelection(
  doc: Y.Doc,
  layout: BoardLayout,
  ids: ReadonlySet<string>,
  delta: { dx: number; dy: number },
  canMove: (note: Note) => boolean,
): Result<void> {
  const moves = selected(layout, ids)
    .filter((p) => canMove(p.note))
    .flatMap((p) => {
      const station = layout.stations.find((s) => s.area.id === p.note.areaId);
      if (!station) return [];
      const x = Math.min(Math.max(p.x + delta.dx, station.x), station.x + station.width - GEOMETRY.stickyWidth);
      const y = Math.max(p.y + delta.dy, station.y + GEOMETRY.headerHeight);
      return [{ noteId: p.note.id, x: Math.round(x), y: Math.round(y) }];
    });
  return moves.length === 0 ? fail('You cannot move these notes now.') : moveNotes(doc, moves);
}

/** Where the grouped notes go: beside their group, one after the other, each place counting the ones before. */
function placeGrouped(doc: Y.Doc, notes: readonly Note[], groupId: string, placer: NotePlacer) {
  const done: NoteAfter[] = [];
  for (const note of notes) {
    const after: NoteAfter = { id: note.id, areaId: note.areaId, groupId, x: undefined, y: undefined };
    const place = placer(after, ...done);
    if (place) moveNote(doc, note.id, place);
    done.push({ ...after, ...(place ?? {}) });
  }
}

/**
 * Groups the selected notes: into `intoGroupId` when given, else together (a new group, or the group some of them
 * are in already). Only notes of one station can be grouped.
 */
export function groupSelection(
  doc: Y.Doc,
  layout: BoardLayout,
  ids: ReadonlySet<string>,
  intoGroupId: string | undefined,
  placer: NotePlacer,
  at: number,
): Result<string> {
  const notes = selected(layout, ids).map((p) => p.note);
  const areaIds = new Set(notes.map((n) => n.areaId));
  if (notes.length === 0) return fail('Select some notes first.');
  if (areaIds.size > 1) return fail('Only notes of the same station can be grouped: select notes of one station.');
  if (intoGroupId === undefined && notes.length < 2) return fail('Select at least two notes to group them.');
  let result: Result<string> = fail('Grouping failed.');
  doc.transact(() => {
    if (intoGroupId === undefined) {
      result = groupNotes(
        doc,
        notes.map((n) => n.id),
        'local',
        at,
      );
    } else {
      result = ok(intoGroupId);
      for (const note of notes) {
        const set = setNoteGroup(doc, note.id, intoGroupId);
        if (!set.ok) result = fail(set.reason);
      }
    }
    if (result.ok) placeGrouped(doc, notes, result.value, placer);
  }, 'local');
  return result;
}
