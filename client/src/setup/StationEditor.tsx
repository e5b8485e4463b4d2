// One station in setup: title, description, reference and colour; move, leave out or include, delete when it holds no notes.
import type { FormEvent } from 'react';
import type * as Y from 'yjs';
import type { Area } from '@shared/model/Area.ts';
import { AREA_DESCRIPTION_MAX, AREA_TITLE_MAX } from '@shared/model/limits.ts';
import { deleteStation, moveRecord, setStationLeftOut, updateStation } from '@shared/doc/structureOps.ts';
import { useSetupWrite } from './useSetupWrite.ts';
import { useDraft } from '../ui/useDraft.ts';

const DEFAULT_COLOUR = '#fff59d';

export interface StationEditorProps {
  doc: Y.Doc;
  area: Area;
  noteCount: number;
  isFirst: boolean;
  isLast: boolean;
  /** Its exercise is running: only text may change (the server refuses the rest). */
  isLocked: boolean;
}

export function StationEditor({ doc, area, noteCount, isFirst, isLast, isLocked }: StationEditorProps) {
  const { error, write } = useSetupWrite();
  // Someone else's edit (another facilitator tab) replaces the draft.
  const [draft, setDraft] = useDraft([area.title, area.description, area.reference, area.colour], () => ({
    title: area.title,
    description: area.description,
    reference: area.reference ?? '',
    colour: area.colour ?? '',
  }));
  const save = (event: FormEvent) => {
    event.preventDefault();
    write(() =>
      updateStation(doc, area.id, {
        title: draft.title,
        description: draft.description,
        reference: draft.reference,
        colour: draft.colour || undefined,
      }),
    );
  };
  const label = area.title;
  return (
    <li className={`setup-station${area.isLeftOut ? ' is-left-out' : ''}`}>
      <form onSubmit={save} aria-label={`Station ${label}`}>
        <label>
          Title{' '}
          <input
            value={draft.title}
            maxLength={AREA_TITLE_MAX}
            required
            dir="auto"
            onChange={(e) => setDraft({ ...draft, title: e.target.value })}
          />
        </label>
        <label>
          Description{' '}
          <input
            value={draft.description}
            maxLength={AREA_DESCRIPTION_MAX}
            dir="auto"
            onChange={(e) => setDraft({ ...draft, description: e.target.value })}
          />
        </label>
        <label>
          Reference{' '}
          <input
            value={draft.reference}
            maxLength={AREA_TITLE_MAX}
            placeholder="e.g. Bylaws 4.6(c)(ii)(A)"
            dir="auto"
            onChange={(e) => setDraft({ ...draft, reference: e.target.value })}
          />
        </label>
        <label>
          Colour{' '}
          <input
            type="color"
            value={draft.colour || DEFAULT_COLOUR}
            onChange={(e) => setDraft({ ...draft, colour: e.target.value })}
          />
        </label>
        <button type="submit">Save station</button>
      </form>
      <div className="setup-actions">
        <button
          type="button"
          disabled={isFirst || isLocked}
          aria-label={`Move ${label} up`}
          onClick={() => write(() => moveRecord(doc, 'areas', area.id, -1))}
        >
          ↑
        </button>
        <button
          type="button"
          disabled={isLast || isLocked}
          aria-label={`Move ${label} down`}
          onClick={() => write(() => moveRecord(doc, 'areas', area.id, 1))}
        >
          ↓
        </button>
        <button
          type="button"
          disabled={isLocked}
          aria-pressed={area.isLeftOut === true}
          onClick={() => write(() => setStationLeftOut(doc, area.id, !area.isLeftOut))}
        >
          {area.isLeftOut ? `Include ${label}` : `Leave out ${label}`}
        </button>
        <button
          type="button"
          disabled={noteCount > 0 || isLocked}
          title={noteCount > 0 ? 'It holds notes: leave it out instead.' : undefined}
          onClick={() => write(() => deleteStation(doc, area.id))}
        >
          Delete {label}
        </button>
        {noteCount > 0 && (
          <span className="hint">
            {noteCount} {noteCount === 1 ? 'note' : 'notes'}
          </span>
        )}
        {area.isLeftOut && (
          <span className="hint">Left out: its notes stay and are exported; teams do not visit it.</span>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
