// The board's notes as text, by station, for screen readers (the canvas is pixels). A long station lists its
// first notes and a button for more, and a search finds the others: a 5,000-note board would otherwise put every
// note in the page at the join.
import { memo, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { countOf } from '@shared/words/count.ts';
import type { Area } from '@shared/model/Area.ts';
import type { Note } from '@shared/model/Note.ts';
import { byArea } from '@shared/collections/groupBy.ts';
import { NOTES_PAGE } from './notesPage.ts';
import './notesList.css';

function NotesListView({ areas, notes: current }: { areas: Area[]; notes: Note[] }) {
  // Rendered after the canvas, in the background: a board that arrives (hundreds of items here) draws first.
  const notes = useDeferredValue(current);
  const [query, setQuery] = useState('');
  const findId = useId();
  const inArea = useMemo(() => byArea(notes), [notes]);
  const needle = query.trim().toLocaleLowerCase();
  const found = useMemo(() => (needle === '' ? null : notes.filter((note) => matches(note, needle))), [notes, needle]);
  const foundInArea = useMemo(() => (found ? byArea(found) : null), [found]);
  const isPaged = areas.some((area) => (inArea.get(area.id)?.length ?? 0) > NOTES_PAGE);
  return (
    <section className="sr-only notes-list" aria-labelledby="notes-heading">
      <h2 id="notes-heading">Notes</h2>
      <p>
        {`${countOf(notes.length, 'note')} in ${countOf(areas.length, 'station')}.`}
        {isPaged &&
          ` A station with more than ${NOTES_PAGE} notes lists its first ${NOTES_PAGE} here, with a button for more; Find notes lists the notes with a word in them. The List view shows every note.`}
      </p>
      {(isPaged || query !== '') && (
        <div className="field">
          <label htmlFor={findId}>Find notes</label>
          <input id={findId} type="search" dir="auto" value={query} onChange={(e) => setQuery(e.target.value)} />
          <p role="status">{found ? `${countOf(found.length, 'note matches', 'notes match')}.` : ''}</p>
        </div>
      )}
      {areas.map((area, index) => (
        <StationNotes
          key={area.id}
          area={area}
          number={index + 1}
          notes={(foundInArea ?? inArea).get(area.id) ?? NO_NOTES}
          total={foundInArea ? (inArea.get(area.id)?.length ?? 0) : null}
        />
      ))}
    </section>
  );
}

/** Whether a note's text or author holds `needle` (already lower-cased). */
function matches(note: Note, needle: string): boolean {
  return note.text.toLocaleLowerCase().includes(needle) || note.authorName.toLocaleLowerCase().includes(needle);
}

const NO_NOTES: Note[] = [];

const StationNotes = memo(function StationNotes({
  area,
  number,
  notes,
  total,
}: {
  area: Area;
  number: number;
  /** The station's notes, or those that match a search. */
  notes: Note[];
  /** While searching: how many notes the station holds in all. */
  total: number | null;
}) {
  const [limit, setLimit] = useState(NOTES_PAGE);
  // After "Show more", focus goes to the first note it added, so the reader carries on from there.
  const [added, setAdded] = useState<{ at: number } | null>(null);
  const firstAdded = useRef<HTMLLIElement>(null);
  useEffect(() => firstAdded.current?.focus(), [added]);
  const headingId = `notes-${area.id}`;
  const shown = notes.length > limit ? notes.slice(0, limit) : notes;
  const rest = notes.length - shown.length;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>
        {total === null
          ? `${number}. ${area.title} (${notes.length} notes)`
          : `${number}. ${area.title} (${notes.length} of ${total} notes match)`}
      </h3>
      <ul aria-labelledby={headingId}>
        {shown.map((note, index) => (
          <li key={note.id} {...(index === added?.at ? { ref: firstAdded, tabIndex: -1 } : {})}>
            <span dir="auto">{note.text}</span>{' '}
            <span>
              — {note.authorName}
              {note.authorRole === 'observer' ? ' (observer)' : ''}
            </span>
          </li>
        ))}
      </ul>
      {rest > 0 && (
        <button
          type="button"
          onClick={() => {
            setAdded({ at: shown.length });
            setLimit(shown.length + NOTES_PAGE);
          }}
        >
          {`Show ${Math.min(rest, NOTES_PAGE)} more notes of station ${number} (${rest} not listed)`}
        </button>
      )}
    </section>
  );
});

export const NotesList = memo(NotesListView);
