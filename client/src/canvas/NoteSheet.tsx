// A note opened from the canvas: its full text, author, station, group and discussion; edit or delete it when allowed.
import { useEffect, useMemo, useRef } from 'react';
import type * as Y from 'yjs';
import type { Board } from '@shared/doc/readBoard.ts';
import type { Area } from '@shared/model/Area.ts';
import type { Group } from '@shared/model/Group.ts';
import type { Note } from '@shared/model/Note.ts';
import { useCapabilities, useIdentityContext } from '../board/boardHooks.ts';
import { TargetThread } from '../discussion/TargetThread.tsx';
import { EditableNote, type Mode } from '../list/EditableNote.tsx';
import type { NoteActions } from '../list/noteActions.ts';
import { UNNAMED_GROUP } from './unnamedGroup.ts';

export interface NoteSheetProps {
  doc: Y.Doc;
  board: Pick<Board, 'comments'>;
  note: Note;
  areas: readonly Area[];
  groups: readonly Group[];
  actions: Pick<NoteActions, 'edit' | 'remove'>;
  /** How it opens: reading, in the editor (double-click, F2) or at the delete question (the Delete key). */
  initialMode: Mode;
  /** Changes with every request to open (a click, then a double-click): each one brings focus to the sheet. */
  openedAt: number;
  now: () => number;
  onClose: () => void;
}

export function NoteSheet(props: NoteSheetProps) {
  const { doc, board, note, areas, groups, actions, initialMode, openedAt, now, onClose } = props;
  const { identity } = useIdentityContext();
  const can = useCapabilities();
  const heading = useRef<HTMLHeadingElement>(null);
  const author = useMemo(() => ({ id: identity.participantId, name: identity.name, role: identity.role }), [identity]);
  const canEdit = can.may({ kind: 'editNote', authorId: note.authorId });
  const stationIndex = areas.findIndex((a) => a.id === note.areaId);
  const group = note.groupId === undefined ? undefined : groups.find((g) => g.id === note.groupId);
  const headingId = `note-sheet-heading-${note.id}`;

  // Reading: focus the sheet's heading, so a screen reader starts at the note; the editor focuses itself.
  useEffect(() => {
    if (initialMode === 'read' || !canEdit) heading.current?.focus();
  }, [note.id, initialMode, canEdit, openedAt]);

  // Escape closes the sheet wherever focus is (a click on the canvas takes it out of the sheet). The editor's own
  // Escape cancels the edit first and stops there; a second Escape closes the sheet.
  const latestClose = useRef(onClose);
  useEffect(() => {
    latestClose.current = onClose;
  });
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      latestClose.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <aside className="note-sheet" role="dialog" aria-labelledby={headingId}>
      <div className="note-sheet-head">
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          Note by <bdi>{note.authorName}</bdi>
        </h2>
        <button type="button" className="quiet" onClick={onClose} aria-label="Close note">
          Close
        </button>
      </div>
      <EditableNote
        key={`${note.id}:${initialMode}`}
        note={note}
        canEdit={canEdit}
        initialMode={canEdit ? initialMode : 'read'}
        onSave={(text) => actions.edit(note.id, text)}
        onDelete={() => {
          const failure = actions.remove(note.id);
          if (failure === null) onClose();
          return failure;
        }}
        textId={`note-sheet-text-${note.id}`}
      />
      <dl className="note-sheet-facts">
        <dt>Station</dt>
        <dd>
          {stationIndex < 0 ? 'another station' : `${stationIndex + 1}. `}
          {stationIndex >= 0 && <bdi>{areas[stationIndex]!.title}</bdi>}
        </dd>
        <dt>Group</dt>
        <dd>{group ? <bdi>{group.label || UNNAMED_GROUP}</bdi> : 'Not in a group'}</dd>
        {note.authorRole !== 'participant' && (
          <>
            <dt>Written as</dt>
            <dd>{note.authorRole}</dd>
          </>
        )}
      </dl>
      <section aria-labelledby={`${headingId}-comments`}>
        <h3 id={`${headingId}-comments`}>Comments</h3>
        <TargetThread
          doc={doc}
          board={board}
          targetType="note"
          targetId={note.id}
          author={author}
          now={now}
          label="Comment on this note"
        />
      </section>
    </aside>
  );
}
