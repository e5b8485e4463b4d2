// One note as text, with Edit (inline, Save/Cancel) and Delete (asks first) when this person may change it.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Note } from '@shared/model/Note.ts';
import { NOTE_TEXT_MAX } from '@shared/model/limits.ts';
import { textLength } from '@shared/model/validate.ts';
import { noteName } from './noteName.ts';

export interface EditableNoteProps {
  note: Note;
  canEdit: boolean;
  /** Writes the new text; returns an error message, or null when saved. */
  onSave: (text: string) => string | null;
  /** Deletes the note; returns an error message, or null when deleted. */
  onDelete: () => string | null;
  /** Extra line under the text, e.g. the station on the phone's "Your notes". */
  meta?: ReactNode;
  /** More controls beside Edit and Delete (the list view's "Move to group"). */
  children?: ReactNode;
  /** The id to give the note's text, so controls outside can point at it; one is made up otherwise. */
  textId?: string;
  /** Open straight in the editor or at the delete question (the canvas's double-click, its Delete key). */
  initialMode?: Mode;
}

export type Mode = 'read' | 'edit' | 'confirmDelete';

export function EditableNote({
  note,
  canEdit,
  onSave,
  onDelete,
  meta,
  children,
  textId: givenTextId,
  initialMode = 'read',
}: EditableNoteProps) {
  const [mode, setMode] = useState<Mode>(initialMode);
  const name = noteName(note);
  const [draft, setDraft] = useState(note.text);
  const [error, setError] = useState<string | null>(null);
  const ownTextId = useId();
  const textId = givenTextId ?? ownTextId;
  const editId = useId();
  const counterId = useId();
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const editor = useRef<HTMLTextAreaElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  // Where focus goes when a mode ends: back to the button that opened it, so keyboard users keep their place.
  const [returnTo, setReturnTo] = useState<'edit' | 'delete' | null>(null);
  const shownMode = canEdit ? mode : 'read';

  useEffect(() => {
    if (shownMode === 'edit') editor.current?.focus();
    else if (shownMode === 'confirmDelete') confirmButton.current?.focus();
    else if (returnTo === 'edit') editButton.current?.focus();
    else if (returnTo === 'delete') deleteButton.current?.focus();
  }, [shownMode, returnTo]);

  const left = NOTE_TEXT_MAX - textLength(draft.trim());
  const close = (to: 'edit' | 'delete') => {
    setMode('read');
    setError(null);
    setReturnTo(to);
  };
  const save = () => {
    if (draft.trim() === '' || left < 0) {
      setError(`A note holds 1 to ${NOTE_TEXT_MAX} characters.`);
      return;
    }
    const failure = onSave(draft);
    if (failure) setError(failure);
    else close('edit');
  };
  const onEditorKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close('edit');
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      save();
    }
  };

  return (
    <div className="editable-note">
      {shownMode === 'edit' ? (
        <form
          className="note-edit"
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <label htmlFor={editId} className="sr-only">
            {`Edit ${name}`}
          </label>
          <textarea
            id={editId}
            ref={editor}
            value={draft}
            dir="auto"
            rows={3}
            aria-describedby={counterId}
            aria-invalid={left < 0}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={onEditorKey}
          />
          <span id={counterId} className={left < 0 ? 'counter over' : 'counter'}>
            {left >= 0 ? `${left} characters left` : `${-left} characters too many`}
          </span>
          <div className="note-actions">
            <button type="submit">Save</button>
            <button type="button" className="quiet" onClick={() => close('edit')}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <p className="note-text">
          <span id={textId} dir="auto">
            {note.text}
          </span>{' '}
          <span className="note-meta">
            — <span dir="auto">{note.authorName}</span>
          </span>
        </p>
      )}
      {meta}
      {shownMode === 'confirmDelete' && (
        <div className="note-actions" role="group" aria-label={`Delete ${name}?`}>
          <span>Delete this note?</span>
          <button
            type="button"
            ref={confirmButton}
            className="danger"
            aria-label={`Yes, delete ${name}`}
            onClick={() => {
              const failure = onDelete();
              if (failure) setError(failure);
            }}
          >
            Yes, delete
          </button>
          <button type="button" className="quiet" aria-label={`Keep ${name}`} onClick={() => close('delete')}>
            Keep it
          </button>
        </div>
      )}
      {shownMode === 'read' && (canEdit || children) && (
        <div className="note-actions">
          {canEdit && (
            <>
              <button
                type="button"
                ref={editButton}
                className="quiet"
                aria-label={`Edit ${name}`}
                onClick={() => {
                  setDraft(note.text);
                  setError(null);
                  setMode('edit');
                }}
              >
                Edit
              </button>
              <button
                type="button"
                ref={deleteButton}
                className="quiet"
                aria-label={`Delete ${name}`}
                onClick={() => {
                  setError(null);
                  setMode('confirmDelete');
                }}
              >
                Delete
              </button>
            </>
          )}
          {children}
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
