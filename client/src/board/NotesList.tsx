// The board's notes as text, by station: read by screen readers (the canvas is pixels) and by browser tests.
import { memo } from 'react';
import type { Area } from '@shared/model/Area.ts';
import type { Note } from '@shared/model/Note.ts';

function NotesListView({ areas, notes }: { areas: Area[]; notes: Note[] }) {
  return (
    <section className="sr-only" aria-labelledby="notes-heading">
      <h2 id="notes-heading">Notes</h2>
      {areas.map((area, index) => {
        const inArea = notes.filter((note) => note.areaId === area.id);
        const headingId = `notes-${area.id}`;
        return (
          <section key={area.id} aria-labelledby={headingId}>
            <h3 id={headingId}>{`${index + 1}. ${area.title} (${inArea.length} notes)`}</h3>
            <ul aria-labelledby={headingId}>
              {inArea.map((note) => (
                <li key={note.id}>
                  <span dir="auto">{note.text}</span>{' '}
                  <span>
                    — {note.authorName}
                    {note.authorRole === 'observer' ? ' (observer)' : ''}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}

export const NotesList = memo(NotesListView);
