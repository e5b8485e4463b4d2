// The writes the list view makes, as one object handed down the tree: each returns an error message or null.
import type * as Y from 'yjs';
import { createGroup, deleteNote, editNote, moveNote, renameGroup, setNoteGroup } from '@shared/doc/ops.ts';
import type { Note } from '@shared/model/Note.ts';
import { ok, type Result } from '@shared/model/Result.ts';
import type { NotePlacer } from '../canvas/notePlacer.ts';
import type { GroupTarget } from './MoveToGroup.tsx';

export interface NoteActions {
  edit(noteId: string, text: string): string | null;
  remove(noteId: string): string | null;
  moveToGroup(note: Note, target: GroupTarget): string | null;
  renameGroup(groupId: string, label: string): string | null;
}

const reason = (result: Result<unknown>) => (result.ok ? null : result.reason);

/**
 * Binds the shared ops to one doc; `placer` finds the free place a regrouped note takes (canvas/notePlacer.ts).
 * The caller offers each action only where the server will accept it.
 * `serverNow` (server epoch ms, whole milliseconds) stamps new groups and renames, which hand-offs compare.
 */
export function noteActions(doc: Y.Doc, serverNow: () => number, placer: NotePlacer = () => undefined): NoteActions {
  /** Writes the note's new group and the free place it takes beside it, as one change. */
  const regroup = (note: Note, groupId: string | undefined, write: () => Result<unknown>) => {
    let result: Result<unknown> = ok(undefined);
    doc.transact(() => {
      result = write();
      const place = result.ok
        ? placer({ id: note.id, areaId: note.areaId, groupId, x: undefined, y: undefined })
        : undefined;
      if (place) moveNote(doc, note.id, place);
    }, 'local');
    return reason(result);
  };
  return {
    edit: (noteId, text) => reason(editNote(doc, noteId, text)),
    remove: (noteId) => reason(deleteNote(doc, noteId)),
    moveToGroup: (note, target) => {
      if (target.kind === 'none') return regroup(note, undefined, () => setNoteGroup(doc, note.id, null));
      if (target.kind === 'group')
        return regroup(note, target.groupId, () => setNoteGroup(doc, note.id, target.groupId));
      // The new group's id is not known yet; any id that no other note has gives the same place.
      return regroup(note, `new-group-${note.id}`, () =>
        createGroup(doc, { areaId: note.areaId, label: target.label, noteIds: [note.id], createdAt: serverNow() }),
      );
    },
    renameGroup: (groupId, label) => reason(renameGroup(doc, groupId, label, 'local', serverNow())),
  };
}
