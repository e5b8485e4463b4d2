// The writes the list view makes, as one object handed down the tree: each returns an error message or null.
import type * as Y from 'yjs';
import { createGroup, deleteNote, editNote, renameGroup, setNoteGroup } from '../../../shared/src/doc/ops.ts';
import type { Note } from '../../../shared/src/model/Note.ts';
import type { Result } from '../../../shared/src/model/Result.ts';
import type { GroupTarget } from './MoveToGroup.tsx';

export interface NoteActions {
  edit(noteId: string, text: string): string | null;
  remove(noteId: string): string | null;
  moveToGroup(note: Note, target: GroupTarget): string | null;
  renameGroup(groupId: string, label: string): string | null;
}

const reason = (result: Result<unknown>) => (result.ok ? null : result.reason);

/**
 * Binds the shared ops to one doc. The caller offers each action only where the server will accept it.
 * `serverNow` (server epoch ms, whole milliseconds) stamps new groups and renames, which hand-offs compare.
 */
export function noteActions(doc: Y.Doc, serverNow: () => number): NoteActions {
  return {
    edit: (noteId, text) => reason(editNote(doc, noteId, text)),
    remove: (noteId) => reason(deleteNote(doc, noteId)),
    moveToGroup: (note, target) => {
      if (target.kind === 'none') return reason(setNoteGroup(doc, note.id, null));
      if (target.kind === 'group') return reason(setNoteGroup(doc, note.id, target.groupId));
      return reason(createGroup(doc, { areaId: note.areaId, label: target.label, noteIds: [note.id], createdAt: serverNow() }));
    },
    renameGroup: (groupId, label) => reason(renameGroup(doc, groupId, label, 'local', serverNow())),
  };
}
