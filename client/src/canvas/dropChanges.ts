// What a drop does to the notes' places and groups, as the changes the placer lays out before the drop is written.
import type { DropIntent } from '@shared/ideas/dropIntent.ts';
import type { NoteAfter } from './notePlacer.ts';

export function dropChanges(
  noteId: string,
  groupId: string | undefined,
  to: { x: number; y: number; areaId: string },
  intent: DropIntent,
): [NoteAfter, ...NoteAfter[]] {
  const moved = { id: noteId, areaId: to.areaId, x: to.x, y: to.y };
  switch (intent.kind) {
    case 'move':
      return [{ ...moved, groupId }];
    case 'leaveGroup':
      return [{ ...moved, groupId: undefined }];
    case 'joinGroup':
      return [{ ...moved, groupId: intent.groupId }];
    case 'joinNote': {
      if (intent.targetGroupId !== undefined) return [{ ...moved, groupId: intent.targetGroupId }];
      // The new group has no id yet: one that no other note has gives the same places.
      const pending = `pending-${noteId}`;
      return [
        { ...moved, groupId: pending },
        { id: intent.targetId, areaId: to.areaId, groupId: pending },
      ];
    }
  }
}
