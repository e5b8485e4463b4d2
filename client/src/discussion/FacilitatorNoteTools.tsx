// The facilitator's wording tools: edit any note's text, and merge two duplicate notes into one.
import { useId, useMemo, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { editNote } from '@shared/doc/ops.ts';
import { byArea } from '@shared/collections/groupBy.ts';
import { mergeNotes } from '@shared/discussion/mergeNotes.ts';
import type { Area } from '@shared/model/Area.ts';
import { NOTE_TEXT_MAX } from '@shared/model/limits.ts';
import type { Note } from '@shared/model/Note.ts';
import { shorten } from '../ui/shorten.ts';
import { useListedOnUse } from './useListedOnUse.ts';

export interface FacilitatorNoteToolsProps {
  doc: Y.Doc;
  notes: readonly Note[];
  stations: readonly Area[];
}

export function FacilitatorNoteTools({ doc, notes, stations }: FacilitatorNoteToolsProps) {
  return (
    <section className="panel note-tools" aria-labelledby="note-tools-heading">
      <h2 id="note-tools-heading">Wording</h2>
      <EditWording doc={doc} notes={notes} stations={stations} />
      <MergeDuplicates doc={doc} notes={notes} stations={stations} />
    </section>
  );
}

interface NoteSelectProps {
  id: string;
  value: string;
  onPick: (noteId: string) => void;
  /** Computed only once the select is reached (see useListedOnUse). */
  notes: () => readonly Note[];
  stations: readonly Area[];
}

/** A select over the board's notes by station; its options are built once someone reaches it. */
function NoteSelect({ id, value, onPick, notes, stations }: NoteSelectProps) {
  const [isListed, listOnUse] = useListedOnUse();
  return (
    <select id={id} value={value} onChange={(event) => onPick(event.target.value)} {...listOnUse}>
      <option value="">Choose a note…</option>
      {isListed && <NoteOptions notes={notes()} stations={stations} />}
    </select>
  );
}

function NoteOptions({ notes, stations }: { notes: readonly Note[]; stations: readonly Area[] }) {
  const inAreas = byArea(notes);
  return stations.map((area, index) => {
    const inArea = inAreas.get(area.id) ?? [];
    return inArea.length === 0 ? null : (
      <optgroup key={area.id} label={`${index + 1}. ${area.title}`}>
        {inArea.map((n) => (
          <option key={n.id} value={n.id}>{`${shorten(n.text)} (${n.authorName})`}</option>
        ))}
      </optgroup>
    );
  });
}

function EditWording({ doc, notes, stations }: FacilitatorNoteToolsProps) {
  const selectId = useId();
  const textId = useId();
  const [noteId, setNoteId] = useState('');
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ isError: boolean; text: string } | null>(null);
  const pick = (id: string) => {
    setNoteId(id);
    setText(notes.find((n) => n.id === id)?.text ?? '');
    setMessage(null);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const result = editNote(doc, noteId, text);
    setMessage(result.ok ? { isError: false, text: 'Wording saved.' } : { isError: true, text: result.reason });
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby={`${selectId}-heading`}>
      <h3 id={`${selectId}-heading`}>Edit wording</h3>
      <div className="field">
        <label htmlFor={selectId}>Note to edit</label>
        <NoteSelect id={selectId} value={noteId} onPick={pick} notes={() => notes} stations={stations} />
      </div>
      {noteId !== '' && (
        <>
          <div className="field">
            <label htmlFor={textId}>New wording</label>
            <textarea
              id={textId}
              value={text}
              rows={3}
              dir="auto"
              maxLength={NOTE_TEXT_MAX * 2}
              onChange={(event) => setText(event.target.value)}
            />
          </div>
          <button type="submit" disabled={text.trim() === ''}>
            Save wording
          </button>
        </>
      )}
      {message && (
        <p className={message.isError ? 'error' : 'hint'} role={message.isError ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </form>
  );
}

function MergeDuplicates({ doc, notes, stations }: FacilitatorNoteToolsProps) {
  const keepId = useId();
  const removeId = useId();
  const textId = useId();
  const [keep, setKeep] = useState('');
  const [remove, setRemove] = useState('');
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ isError: boolean; text: string } | null>(null);
  const byId = useMemo(() => new Map(notes.map((n) => [n.id, n])), [notes]);
  const pickKeep = (id: string) => {
    setKeep(id);
    setText(byId.get(id)?.text ?? '');
    setMessage(null);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const result = mergeNotes(doc, { keepId: keep, removeId: remove, text });
    if (!result.ok) return setMessage({ isError: true, text: result.reason });
    setMessage({ isError: false, text: 'Notes merged.' });
    setRemove('');
  };
  const other = byId.get(remove);
  return (
    <form onSubmit={onSubmit} aria-labelledby={`${keepId}-heading`}>
      <h3 id={`${keepId}-heading`}>Merge duplicates</h3>
      <div className="field">
        <label htmlFor={keepId}>Keep this note</label>
        <NoteSelect id={keepId} value={keep} onPick={pickKeep} notes={() => notes} stations={stations} />
      </div>
      <div className="field">
        <label htmlFor={removeId}>Merge this duplicate into it</label>
        <NoteSelect
          id={removeId}
          value={remove}
          onPick={(id) => {
            setRemove(id);
            setMessage(null);
          }}
          notes={() => notes.filter((n) => n.id !== keep)}
          stations={stations}
        />
      </div>
      {keep !== '' && (
        <div className="field">
          <label htmlFor={textId}>Merged text</label>
          <textarea id={textId} value={text} rows={3} dir="auto" onChange={(event) => setText(event.target.value)} />
          {other && (
            <p className="hint">
              The duplicate said: <q dir="auto">{other.text}</q>
            </p>
          )}
        </div>
      )}
      <button type="submit" disabled={keep === '' || remove === '' || text.trim() === ''}>
        Merge notes
      </button>
      {message && (
        <p className={message.isError ? 'error' : 'hint'} role={message.isError ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
