// Puts notes of one station together, reusing a group they are already in: the "Group them" of a suggestion.
import type * as Y from 'yjs';
import { boardMaps, type Origin } from '../doc/boardDoc.ts';
import { createGroup, setNoteGroup } from '../doc/ops.ts';
import { fail, ok, type Result } from '../model/Result.ts';
import { mergeGroups } from './mergeGroups.ts';

/**
 * Groups the given notes in one transaction: a new group when none is grouped; the existing group when one is;
 * when they sit in several groups, those are merged into the first note's group. Returns the group id.
 * `at` (epoch ms) stamps a new group's createdAt, or the label a merge passes on.
 */
export function groupNotes(
  doc: Y.Doc,
  noteIds: readonly string[],
  origin: Origin = 'local',
  at?: number,
): Result<string> {
  const maps = boardMaps(doc);
  const notes = noteIds.map((id) => maps.notes.get(id));
  if (notes.length < 2 || notes.some((note) => !note)) return fail('those notes no longer exist');
  const areaId = notes[0]!.get('areaId');
  if (typeof areaId !== 'string' || notes.some((note) => note!.get('areaId') !== areaId)) {
    return fail('only notes of the same station can be grouped');
  }
  const groupIds = [
    ...new Set(
      notes
        .map((note) => note!.get('groupId'))
        .filter((id): id is string => typeof id === 'string' && maps.groups.get(id)?.get('areaId') === areaId),
    ),
  ];
  let result: Result<string> = fail('grouping failed');
  doc.transact(() => {
    const [into, ...others] = groupIds;
    if (into === undefined) {
      const created = createGroup(doc, { areaId, noteIds: [...noteIds], createdAt: at }, origin);
      result = created.ok ? ok(created.value.id) : created;
      return;
    }
    for (const other of others) mergeGroups(doc, other, into, origin, at);
    for (const id of noteIds) setNoteGroup(doc, id, into, origin);
    result = ok(into);
  }, origin);
  return result;
}
