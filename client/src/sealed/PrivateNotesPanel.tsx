// "Your private notes": what this person posted while posting is private, with edit and delete; nobody else sees them.
import { useState } from 'react';
import type { Area } from '@shared/model/Area.ts';
import { NOTE_TEXT_MAX } from '@shared/model/limits.ts';
import type { PrivateNotes } from './usePrivateNotes.ts';

function PrivateNoteItem({
  text,
  station,
  onSave,
  onDelete,
}: {
  text: string;
  station: string;
  onSave: (text: string) => Promise<string | null>;
  onDelete: () => Promise<string | null>;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  if (draft !== null) {
    return (
      <li className="private-note is-editing">
        <label>
          <span className="visually-hidden">Edit note</span>
          <textarea
            value={draft}
            dir="auto"
            rows={2}
            maxLength={NOTE_TEXT_MAX * 2}
            onChange={(event) => setDraft(event.target.value)}
          />
        </label>
        <button
          type="button"
          disabled={draft.trim() === ''}
          onClick={() => void onSave(draft).then((failure) => !failure && setDraft(null))}
        >
          Save
        </button>
        <button type="button" onClick={() => setDraft(null)}>
          Cancel
        </button>
      </li>
    );
  }
  return (
    <li className="private-note">
      <span className="private-note-text" dir="auto">
        {text}
      </span>
      <span className="private-note-station"> · {station}</span>
      <button type="button" aria-label={`Edit: ${text}`} onClick={() => setDraft(text)}>
        Edit
      </button>
      <button type="button" aria-label={`Delete: ${text}`} onClick={() => void onDelete()}>
        Delete
      </button>
    </li>
  );
}

export function PrivateNotesPanel({ privateNotes, areas }: { privateNotes: PrivateNotes; areas: readonly Area[] }) {
  const titles = new Map(areas.map((area, index) => [area.id, `${index + 1}. ${area.title}`]));
  return (
    <section className="panel private-notes" aria-labelledby="private-notes-heading">
      <h2 id="private-notes-heading">Your private notes</h2>
      <p className="hint">Only you can see these until the group phase.</p>
      {privateNotes.notes.length === 0 ? (
        <p className="hint">You have not posted yet.</p>
      ) : (
        <ul className="private-note-list">
          {privateNotes.notes.map((note) => (
            <PrivateNoteItem
              key={note.id}
              text={note.text}
              station={titles.get(note.areaId) ?? 'a station'}
              onSave={(text) => privateNotes.edit(note.id, text)}
              onDelete={() => privateNotes.remove(note.id)}
            />
          ))}
        </ul>
      )}
      {privateNotes.error && (
        <p className="error" role="alert">
          {privateNotes.error}
        </p>
      )}
    </section>
  );
}
