// "Move to group" for one note: pick one of its station's groups, "No group" or "New group…" (named here), then Move.
import { useId, useRef, useState, type FormEvent } from 'react';
import type { Group } from '@shared/model/Group.ts';
import type { Note } from '@shared/model/Note.ts';
import { GROUP_LABEL_MAX } from '@shared/model/limits.ts';
import { requestFocus, useFocusRequest } from './focusRequest.ts';
import { groupName } from './groupName.ts';
import { noteName } from './noteName.ts';

const NO_GROUP = '';
const NEW_GROUP = '__new__';

/** Where a note goes: an existing group, out of every group, or into a new group with this label. */
export type GroupTarget = { kind: 'group'; groupId: string } | { kind: 'none' } | { kind: 'new'; label: string };

export interface MoveToGroupProps {
  note: Note;
  /** The groups of the note's station, in display order. */
  groups: Group[];
  /** Applies the move; returns an error message, or null when done. */
  onMove: (target: GroupTarget) => string | null;
  /** The id of the note's text, so the control says which note it moves. */
  describedBy: string;
}

/** An explicit Move button: a select's change fires on every arrow key, which would move the note at each step. */
export function MoveToGroup({ note, groups, onMove, describedBy }: MoveToGroupProps) {
  const current = note.groupId ?? NO_GROUP;
  const [choice, setChoice] = useState<string | null>(null);
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const selectId = useId();
  const labelId = useId();
  // After a move the note is a new item in its new group's list: focus follows it there.
  const selectRef = useRef<HTMLSelectElement>(null);
  const focusKey = `move-to-group:${note.id}`;
  useFocusRequest(focusKey, current, selectRef);
  // A choice that vanished (its group was deleted meanwhile) falls back to where the note is.
  const selected =
    choice !== null && (choice === NO_GROUP || choice === NEW_GROUP || groups.some((g) => g.id === choice))
      ? choice
      : current;
  const isNew = selected === NEW_GROUP;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const target: GroupTarget = isNew
      ? { kind: 'new', label }
      : selected === NO_GROUP
        ? { kind: 'none' }
        : { kind: 'group', groupId: selected };
    const failure = onMove(target);
    // The doc changed synchronously; the list re-renders after this handler, mounting the note in its new group.
    if (!failure) requestFocus(focusKey, current);
    setError(failure);
    if (!failure) {
      setChoice(null);
      setLabel('');
    }
  };

  return (
    <form className="move-to-group" onSubmit={submit}>
      <label htmlFor={selectId}>Move to group</label>
      <select
        id={selectId}
        ref={selectRef}
        value={selected}
        aria-describedby={describedBy}
        onChange={(event) => setChoice(event.target.value)}
      >
        <option value={NO_GROUP}>No group</option>
        {groups.map((group, index) => (
          <option key={group.id} value={group.id}>
            {groupName(group, index)}
          </option>
        ))}
        <option value={NEW_GROUP}>New group…</option>
      </select>
      {isNew && (
        <>
          <label htmlFor={labelId}>New group name</label>
          <input
            id={labelId}
            value={label}
            maxLength={GROUP_LABEL_MAX}
            dir="auto"
            onChange={(event) => setLabel(event.target.value)}
          />
        </>
      )}
      <button
        type="submit"
        className="quiet"
        disabled={!isNew && selected === current}
        aria-label={`Move ${noteName(note)}`}
      >
        Move
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
