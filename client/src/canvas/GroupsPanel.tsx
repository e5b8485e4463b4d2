// The groups of each station as text, with their notes: rename, ungroup, merge, delete empty ones, and Tidy per station.
import { countOf } from '@shared/words/count.ts';
import { useId, useState } from 'react';
import type { Area } from '@shared/model/Area.ts';
import type { Group } from '@shared/model/Group.ts';
import type { Note } from '@shared/model/Note.ts';
import { UNNAMED_GROUP } from './unnamedGroup.ts';

export interface GroupActions {
  /** Left out where the view renames groups in its own place (the list view, beside each group's heading). */
  rename?: (groupId: string) => void;
  ungroup: (groupId: string) => void;
  merge: (fromId: string, intoId: string) => void;
  tidy: (areaId: string) => void;
}

export interface GroupsPanelProps {
  areas: Area[];
  notes: Note[];
  groups: Group[];
  canGroup: boolean;
  actions: GroupActions;
  /** What to say while there are no groups: how this view makes one. */
  emptyHint: string;
}

function GroupItem({
  group,
  members,
  others,
  canGroup,
  actions,
}: {
  group: Group;
  members: Note[];
  others: Group[];
  canGroup: boolean;
  actions: GroupActions;
}) {
  const [into, setInto] = useState('');
  const selectId = useId();
  const name = group.label || UNNAMED_GROUP;
  const target = others.some((g) => g.id === into) ? into : (others[0]?.id ?? '');
  return (
    <li className="group-item">
      <strong dir="auto" className={group.label ? '' : 'unnamed'}>
        {name}
      </strong>
      <span className="hint"> ({countOf(members.length, 'note')})</span>
      {members.length > 0 && (
        <ul aria-label={`Notes in ${name}`}>
          {members.map((note) => (
            <li key={note.id} dir="auto">
              {note.text}
            </li>
          ))}
        </ul>
      )}
      {canGroup && (
        <div className="group-actions">
          {actions.rename && (
            <button type="button" onClick={() => actions.rename?.(group.id)} aria-label={`Rename ${name}`}>
              Rename
            </button>
          )}
          {members.length > 0 ? (
            <button type="button" onClick={() => actions.ungroup(group.id)} aria-label={`Ungroup ${name}`}>
              Ungroup
            </button>
          ) : (
            <button type="button" onClick={() => actions.ungroup(group.id)} aria-label={`Delete empty group ${name}`}>
              Delete
            </button>
          )}
          {others.length > 0 && (
            <span className="merge">
              <label htmlFor={selectId} className="sr-only">{`Merge ${name} into`}</label>
              <select id={selectId} value={target} onChange={(event) => setInto(event.target.value)}>
                {others.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.label || UNNAMED_GROUP}
                  </option>
                ))}
              </select>
              <button
                type="button"
                onClick={() => target && actions.merge(group.id, target)}
                aria-label={`Merge ${name} into the chosen group`}
              >
                Merge
              </button>
            </span>
          )}
        </div>
      )}
    </li>
  );
}

export function GroupsPanel({ areas, notes, groups, canGroup, actions, emptyHint }: GroupsPanelProps) {
  return (
    <section className="panel groups-panel" aria-labelledby="groups-heading">
      <h2 id="groups-heading">Groups</h2>
      {areas.map((area, index) => {
        const inArea = groups.filter((g) => g.areaId === area.id);
        const hasNotes = notes.some((n) => n.areaId === area.id);
        if (inArea.length === 0 && !(canGroup && hasNotes)) return null;
        return (
          <section key={area.id} className="groups-station" aria-label={`Groups of station ${index + 1}`}>
            <h3 dir="auto">{`${index + 1}. ${area.title}`}</h3>
            {canGroup && hasNotes && (
              <button
                type="button"
                className="tidy"
                onClick={() => actions.tidy(area.id)}
              >{`Tidy ${area.title}`}</button>
            )}
            <ul className="group-list">
              {inArea.map((group) => (
                <GroupItem
                  key={group.id}
                  group={group}
                  members={notes.filter((n) => n.groupId === group.id)}
                  others={inArea.filter((g) => g.id !== group.id)}
                  canGroup={canGroup}
                  actions={actions}
                />
              ))}
            </ul>
          </section>
        );
      })}
      {groups.length === 0 && <p className="hint">{emptyHint}</p>}
    </section>
  );
}
