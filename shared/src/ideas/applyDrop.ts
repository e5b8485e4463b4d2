// Writes a note's drop in one transaction: its new place and what the drop means for its group (see dropIntent).
import type * as Y from 'yjs';
import type { Origin } from '../doc/boardDoc.ts';
import { createGroup, moveNote, setNoteGroup } from '../doc/ops.ts';
import { fail, ok, type Result } from '../model/Result.ts';
import type { DropIntent } from './dropIntent.ts';

export interface DropWrite {
  noteId: string;
  to: { x: number; y: number; areaId: string };
  intent: DropIntent;
  /** Epoch ms of the drop: stamped as createdAt on a group it makes. */
  at?: number;
}

/**
 * Moves the note and applies the intent: onto an ungrouped note makes a new group of both; onto a grouped note
 * or a frame joins that group; out of its frame leaves the group. One update, one undo step. When the grouping
 * part is refused (the target vanished meanwhile), the note still moves and the reason comes back.
 */
export function applyDrop(doc: Y.Doc, { noteId, to, intent, at }: DropWrite, origin: Origin = 'local'): Result<void> {
  let result: Result<void> = ok(undefined);
  doc.transact(() => {
    const moved = moveNote(doc, noteId, to, origin);
    if (!moved.ok) {
      result = moved;
      return;
    }
    switch (intent.kind) {
      case 'move':
        return;
      case 'leaveGroup':
        result = setNoteGroup(doc, noteId, null, origin);
        return;
      case 'joinGroup':
        result = setNoteGroup(doc, noteId, intent.groupId, origin);
        return;
      case 'joinNote': {
        if (intent.targetGroupId !== undefined) {
          result = setNoteGroup(doc, noteId, intent.targetGroupId, origin);
          return;
        }
        const created = createGroup(
          doc,
          { areaId: to.areaId, noteIds: [intent.targetId, noteId], createdAt: at },
          origin,
        );
        result = created.ok ? ok(undefined) : created;
      }
    }
  }, origin);
  return result.ok ? result : fail(result.reason);
}
