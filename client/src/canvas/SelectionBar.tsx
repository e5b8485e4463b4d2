// What to do with the notes selected on the canvas: group them (together, or into a group of their station), or clear.
import { useId, useState } from 'react';
import type { Group } from '@shared/model/Group.ts';
import type { Note } from '@shared/model/Note.ts';
import { countOf } from '@shared/words/count.ts';
import { UNNAMED_GROUP } from './unnamedGroup.ts';

export interface SelectionBarProps {
  notes: Note[];
  /** The exercise's groups; those of the selection's station are offered. */
  groups: Group[];
  canGroup: boolean;
  /** Groups the selection (into `groupId`, or together); returns an error message or null. */
  onGroup: (groupId: string | undefined) => string | null;
  onClear: () => void;
}

const TOGETHER = '';

export function SelectionBar({ notes, groups, canGroup, onGroup, onClear }: SelectionBarProps) {
  const selectId = useId();
  const [into, setInto] = useState(TOGETHER);
  const [error, setError] = useState<string | null>(null);
  const areaIds = new Set(notes.map((n) => n.areaId));
  const areaId = areaIds.size === 1 ? notes[0]!.areaId : undefined;
  const choices = areaId === undefined ? [] : groups.filter((g) => g.areaId === areaId);
  const target = choices.some((g) => g.id === into) ? into : TOGETHER;
  const count = countOf(notes.length, 'note');
  const group = () => setError(onGroup(target === TOGETHER ? undefined : target));

  return (
    <div className="selection-bar" role="group" aria-label="Selected notes">
      <p role="status">{`${count} selected`}</p>
      {canGroup && areaId !== undefined && (
        <>
          <label htmlFor={selectId}>Group into</label>
          <select id={selectId} value={target} onChange={(event) => setInto(event.target.value)}>
            <option value={TOGETHER}>A new group</option>
            {choices.map((g) => (
              <option key={g.id} value={g.id}>
                {g.label || UNNAMED_GROUP}
              </option>
            ))}
          </select>
          <button type="button" onClick={group}>{`Group ${count}`}</button>
        </>
      )}
      {canGroup && areaId === undefined && <p className="hint">Select notes of one station to group them.</p>}
      <button type="button" className="quiet" onClick={onClear}>
        Clear selection
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
