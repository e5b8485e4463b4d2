// Merges one group into another of the same station in one transaction: its notes move over, the emptied group goes.
import type * as Y from 'yjs';
import { boardMaps, type Origin } from '../doc/boardDoc.ts';
import { deleteGroup, renameGroup, setNoteGroup } from '../doc/ops.ts';
import { fail, ok, type Result } from '../model/Result.ts';

/**
 * Moves every note of group `fromId` into `intoId` and deletes `fromId`, as one change (one undo step, one update).
 * When `intoId` has no label yet, it takes `fromId`'s (stamped `at`, epoch ms, as a rename when given). Both groups
 * must exist and belong to the same station.
 */
export function mergeGroups(
  doc: Y.Doc,
  fromId: string,
  intoId: string,
  origin: Origin = 'local',
  at?: number,
): Result<void> {
  const maps = boardMaps(doc);
  const from = maps.groups.get(fromId);
  const into = maps.groups.get(intoId);
  if (!from || !into) return fail('that group no longer exists');
  if (fromId === intoId) return fail('a group cannot be merged into itself');
  if (from.get('areaId') !== into.get('areaId')) return fail('only groups of the same station can be merged');
  let result: Result<void> = ok(undefined);
  doc.transact(() => {
    const fromLabel = from.get('label');
    if (!into.get('label') && typeof fromLabel === 'string' && fromLabel !== '')
      renameGroup(doc, intoId, fromLabel, origin, at);
    maps.notes.forEach((note, noteId) => {
      if (note.get('groupId') !== fromId) return;
      const moved = setNoteGroup(doc, noteId, intoId, origin);
      if (!moved.ok) result = moved;
    });
    deleteGroup(doc, fromId, origin);
  }, origin);
  return result;
}
