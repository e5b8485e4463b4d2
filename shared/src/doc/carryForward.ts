// Copies a board's content (exercises, stations, notes, groups) into a fresh doc: the next meeting starts from it.
import type * as Y from 'yjs';
import { FORMAT_VERSION } from '../model/Meta.ts';
import type { Board } from './readBoard.ts';
import { boardMaps, toRecordMap, type Origin } from './boardDoc.ts';

/**
 * Fills an empty doc with a board's validated records and a fresh session (setup, first exercise).
 * Notes keep their authors' names and roles; people and the session record are not carried over.
 */
export function carryForward(source: Board, target: Y.Doc, input: { title: string; createdAt: number; templateId: string }): void {
  const maps = boardMaps(target);
  target.transact(() => {
    maps.meta.set('formatVersion', FORMAT_VERSION);
    maps.meta.set('title', input.title);
    maps.meta.set('templateId', input.templateId);
    maps.meta.set('createdAt', input.createdAt);
    maps.meta.set('groundRules', [...source.groundRules]);
    for (const exercise of source.exercises) maps.exercises.set(exercise.id, toRecordMap({ ...exercise, plan: { ...exercise.plan } }));
    for (const area of source.areas) maps.areas.set(area.id, toRecordMap(area));
    for (const group of source.groups) maps.groups.set(group.id, toRecordMap(group));
    for (const note of source.notes) maps.notes.set(note.id, toRecordMap(note));
    maps.session.set('phase', 'setup');
    maps.session.set('exerciseId', source.exercises[0]?.id ?? null);
  }, 'template' satisfies Origin);
}
