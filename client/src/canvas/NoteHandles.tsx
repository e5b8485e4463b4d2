// The keyboard's way onto the canvas: one focusable button over each drawn note (the drawing itself is hidden from
// assistive technology). Enter opens the note, F2 its editor, Delete asks to delete it, Space selects it.
import { memo, useDeferredValue, type CSSProperties, type KeyboardEvent } from 'react';
import type { Mode } from '../list/EditableNote.tsx';
import { noteName } from '../list/noteName.ts';
import type { PlacedNote } from './layout.ts';
import { GEOMETRY } from './layout.ts';
import type { Viewport } from './useViewport.ts';

export interface NoteHandlesProps {
  view: Viewport;
  notes: readonly PlacedNote[];
  selectedIds: ReadonlySet<string>;
  /** Whether this person may edit (and so delete) the note. */
  canEdit: (authorId: string) => boolean;
  onOpen: (noteId: string, mode: Mode) => void;
  onToggleSelect: (noteId: string) => void;
  /** Focus reached a note (Tab): the canvas brings it into view. */
  onFocusNote: (placed: PlacedNote) => void;
}

/** The attribute that finds a note's handle, to give focus back to it when its sheet closes. */
export const NOTE_HANDLE_ATTRIBUTE = 'data-note-handle';

/**
 * Invisible until focused. They sit at board coordinates in one layer that the view moves and scales with a CSS
 * transform, so a pan or zoom rewrites one style instead of every handle's box (and their labels are not rebuilt);
 * the view comes as a deferred update, so a zoom repaints the canvas first.
 */
export function NoteHandles(props: NoteHandlesProps) {
  const { view: current, ...list } = props;
  const view = useDeferredValue(current);
  const style = {
    transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})`,
    '--view-scale': view.scale,
  } as CSSProperties;
  return (
    <div className="note-handles" style={style}>
      <HandleList {...list} />
    </div>
  );
}

const HandleList = memo(function HandleList(props: Omit<NoteHandlesProps, 'view'>) {
  const { notes, selectedIds, canEdit, onOpen, onToggleSelect, onFocusNote } = props;
  const onKey = (placed: PlacedNote) => (event: KeyboardEvent<HTMLButtonElement>) => {
    const mayEdit = canEdit(placed.note.authorId);
    if (event.key === 'F2' && mayEdit) onOpen(placed.note.id, 'edit');
    else if ((event.key === 'Delete' || event.key === 'Backspace') && mayEdit) onOpen(placed.note.id, 'confirmDelete');
    else if (event.key === ' ') onToggleSelect(placed.note.id);
    else return;
    event.preventDefault();
  };
  return (
    <>
      {notes.map((placed) => {
        const { note, x, y } = placed;
        const isSelected = selectedIds.has(note.id);
        return (
          <button
            key={note.id}
            type="button"
            className="note-handle"
            {...{ [NOTE_HANDLE_ATTRIBUTE]: note.id }}
            aria-label={`${noteName(note)}, by ${note.authorName}${isSelected ? ', selected' : ''}`}
            aria-description={
              canEdit(note.authorId)
                ? 'Enter opens it, F2 edits it, Delete deletes it, Space selects it.'
                : 'Enter opens it, Space selects it.'
            }
            style={{ left: x, top: y, width: GEOMETRY.stickyWidth, height: GEOMETRY.stickyHeight }}
            onClick={() => onOpen(note.id, 'read')}
            onKeyDown={onKey(placed)}
            // Space selects on keydown; its keyup would also click (open) the note.
            onKeyUp={(event) => event.key === ' ' && event.preventDefault()}
            onFocus={() => onFocusNote(placed)}
          />
        );
      })}
    </>
  );
});
