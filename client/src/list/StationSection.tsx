// One station in the list view: h3 with its Bylaws reference and text, an h4 and a list per group, then "Ungrouped".
import { countOf } from '@shared/words/count.ts';
import { memo, useId } from 'react';
import type { Area } from '@shared/model/Area.ts';
import type { Group } from '@shared/model/Group.ts';
import type { Note } from '@shared/model/Note.ts';
import { useCapabilities } from '../board/boardHooks.ts';
import { EditableNote } from './EditableNote.tsx';
import { groupName } from './groupName.ts';
import { GroupRename } from './GroupRename.tsx';
import { MoveToGroup } from './MoveToGroup.tsx';
import type { NoteActions } from './noteActions.ts';

export interface StationSectionProps {
  area: Area;
  number: number;
  notes: Note[];
  groups: Group[];
  /** False for exercises other than the current one: read, but not changed from here. */
  isActive: boolean;
  actions: NoteActions;
}

function NoteList(
  props: { notes: Note[]; labelledBy: string; emptyText: string } & Omit<
    StationSectionProps,
    'area' | 'number' | 'notes'
  >,
) {
  const { notes, labelledBy, emptyText, groups, isActive, actions } = props;
  const can = useCapabilities();
  if (notes.length === 0) return <p className="hint">{emptyText}</p>;
  const mayGroup = isActive && can.may({ kind: 'group' });
  return (
    <ul className="list-notes" aria-labelledby={labelledBy}>
      {notes.map((note) => (
        <li key={note.id} className="list-note">
          <EditableNote
            note={note}
            canEdit={isActive && can.may({ kind: 'editNote', authorId: note.authorId })}
            onSave={(text) => actions.edit(note.id, text)}
            onDelete={() => actions.remove(note.id)}
            textId={`note-text-${note.id}`}
          >
            {mayGroup && (
              <MoveToGroup
                note={note}
                groups={groups}
                describedBy={`note-text-${note.id}`}
                onMove={(target) => actions.moveToGroup(note, target)}
              />
            )}
          </EditableNote>
        </li>
      ))}
    </ul>
  );
}

function StationSectionView(props: StationSectionProps) {
  const { area, number, notes, groups, isActive, actions } = props;
  const headingId = useId();
  const ungroupedId = useId();
  const can = useCapabilities();
  const mayRename = isActive && can.may({ kind: 'group' });
  const ungrouped = notes.filter((note) => note.groupId === undefined);
  const listProps = { groups, isActive, actions };
  return (
    <section className="list-station" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {`${number}. ${area.title}`} <span className="list-count">({countOf(notes.length, 'note')})</span>
      </h3>
      {area.reference && <p className="list-reference">{area.reference}</p>}
      {area.description && <p className="list-description">{area.description}</p>}
      {groups.map((group, index) => {
        const inGroup = notes.filter((note) => note.groupId === group.id);
        const name = groupName(group, index);
        const groupHeadingId = `${headingId}-group-${group.id}`;
        return (
          <div key={group.id} className="list-group">
            <div className="list-group-head">
              <h4 id={groupHeadingId} dir="auto">
                {name}
              </h4>
              {mayRename && (
                <GroupRename
                  name={name}
                  label={group.label}
                  onRename={(label) => actions.renameGroup(group.id, label)}
                />
              )}
            </div>
            <NoteList notes={inGroup} labelledBy={groupHeadingId} emptyText="No notes in this group." {...listProps} />
          </div>
        );
      })}
      <div className="list-group">
        <h4 id={ungroupedId}>Ungrouped</h4>
        <NoteList
          notes={ungrouped}
          labelledBy={ungroupedId}
          emptyText={notes.length === 0 ? 'No notes yet.' : 'Every note here is in a group.'}
          {...listProps}
        />
      </div>
    </section>
  );
}

export const StationSection = memo(StationSectionView);
