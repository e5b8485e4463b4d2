// The facilitator's "merge duplicates": one note keeps a chosen text, the other goes; groups and comments carry over.
import type * as Y from 'yjs';
import { boardMaps, recordToObject, toRecordMap, type Origin } from '../doc/boardDoc.ts';
import { NOTE_TEXT_MAX } from '../model/limits.ts';
import { fail, ok, type Result } from '../model/Result.ts';
import { cleanText } from '../model/validate.ts';

export interface MergeNotesInput {
  /** The note that stays. */
  keepId: string;
  /** The duplicate that is deleted. */
  removeId: string;
  /** The kept note's text after the merge (often one of the two, edited). */
  text: string;
}

/**
 * Merges two notes in one transaction: the kept note takes `text`; if it was in no group and the removed note was
 * in a group of the same station, it joins that group; comments on the removed note move to the kept one (same
 * comment ids, so replies stay threaded); then the removed note is deleted. The kept note's author stays its author.
 */
export function mergeNotes(doc: Y.Doc, input: MergeNotesInput, origin: Origin = 'local'): Result<void> {
  const maps = boardMaps(doc);
  if (input.keepId === input.removeId) return fail('pick two different notes to merge');
  const kept = maps.notes.get(input.keepId);
  const removed = maps.notes.get(input.removeId);
  if (!kept || !removed) return fail('one of those notes no longer exists');
  const text = cleanText(input.text, NOTE_TEXT_MAX);
  if (text === undefined) return fail(`a note must be 1 to ${NOTE_TEXT_MAX} characters`);
  const areaId = kept.get('areaId');
  const removedGroup = removed.get('groupId');
  const inheritsGroup =
    !kept.has('groupId') &&
    typeof removedGroup === 'string' &&
    removed.get('areaId') === areaId &&
    maps.groups.get(removedGroup)?.get('areaId') === areaId;
  const movedComments: [string, Record<string, unknown>][] = [];
  maps.comments.forEach((comment, id) => {
    if (comment.get('targetType') === 'note' && comment.get('targetId') === input.removeId) {
      movedComments.push([id, { ...recordToObject(comment), targetId: input.keepId, areaId }]);
    }
  });
  doc.transact(() => {
    if (kept.get('text') !== text) kept.set('text', text);
    if (inheritsGroup) kept.set('groupId', removedGroup);
    // A comment's target is fixed once written, so a moved comment is written anew under its own id.
    for (const [id, fields] of movedComments) maps.comments.set(id, toRecordMap(fields));
    maps.notes.delete(input.removeId);
  }, origin);
  return ok(undefined);
}
