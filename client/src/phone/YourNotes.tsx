// "Your notes" on the phone: what this person posted in the current exercise, each with Edit and Delete when allowed.
import { countOf } from '@shared/words/count.ts';
import type { Area } from '@shared/model/Area.ts';
import type { Note } from '@shared/model/Note.ts';
import { EditableNote } from '../list/EditableNote.tsx';

export interface YourNotesProps {
  /** Own notes, oldest first. */
  notes: Note[];
  areas: Area[];
  canEdit: (note: Note) => boolean;
  onSave: (noteId: string, text: string) => string | null;
  onDelete: (noteId: string) => string | null;
}

export function YourNotes({ notes, areas, canEdit, onSave, onDelete }: YourNotesProps) {
  const stationOf = (note: Note) => {
    const index = areas.findIndex((area) => area.id === note.areaId);
    return index < 0 ? 'another station' : `Station ${index + 1}, ${areas[index]!.title}`;
  };
  return (
    <section className="phone-section your-notes" aria-labelledby="your-notes-heading">
      <h2 id="your-notes-heading">Your notes ({countOf(notes.length, 'note')})</h2>
      {notes.length === 0 ? (
        <p className="hint">
          Notes you post appear here, newest first; you can edit or delete them while the phase allows.
        </p>
      ) : (
        <ul className="phone-notes" aria-labelledby="your-notes-heading">
          {[...notes].reverse().map((note) => (
            <li key={note.id} className="phone-note">
              <EditableNote
                note={note}
                canEdit={canEdit(note)}
                onSave={(text) => onSave(note.id, text)}
                onDelete={() => onDelete(note.id)}
                meta={<p className="note-meta">{stationOf(note)}</p>}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
