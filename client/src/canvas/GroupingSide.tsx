// Similar-note suggestions and the Groups panel (rename, ungroup, merge, tidy): the same panels on every view.
import type * as Y from 'yjs';
import { groupNotes } from '@shared/ideas/groupNotes.ts';
import type { Area } from '@shared/model/Area.ts';
import type { Group } from '@shared/model/Group.ts';
import type { Note } from '@shared/model/Note.ts';
import { isGroupingPhase } from '@shared/rules/phaseSets.ts';
import { useBoardState, useCapabilities } from '../board/boardHooks.ts';
import { useServerTimestamp } from '../session/ServerClockContext.tsx';
import { GroupsPanel } from './GroupsPanel.tsx';
import { SuggestionsPanel } from './SuggestionsPanel.tsx';
import { useGroupActions } from './useGroupActions.ts';
import { useSuggestions } from './useSuggestions.ts';
import type { BoardLayout } from './layout.ts';
import './grouping.css';

export interface GroupingSideProps {
  doc: Y.Doc;
  /** The current exercise's stations and notes, and their groups. */
  areas: Area[];
  notes: Note[];
  groups: Group[];
  /** How this view renames a group; left out where the view has its own rename. */
  rename?: ((groupId: string) => void) | undefined;
  layout?: BoardLayout | undefined;
  /** How a group is made in this view, said while there is none. */
  emptyHint: string;
}

export function GroupingSide({ doc, areas, notes, groups, rename, layout, emptyHint }: GroupingSideProps) {
  const { phase } = useBoardState().board.session;
  const canGroup = useCapabilities().may({ kind: 'group' });
  const serverNow = useServerTimestamp();
  // Suggestions are for the room's grouping, not for the facilitator setting up.
  const showSuggestions = canGroup && isGroupingPhase(phase);
  const suggestions = useSuggestions(notes, showSuggestions);
  const actions = useGroupActions({ doc, areas, notes, groups, serverNow, rename, layout });
  if (!canGroup && groups.length === 0) return null;
  return (
    <aside className="workspace-side" aria-label="Grouping">
      {showSuggestions && (
        <SuggestionsPanel
          pairs={suggestions}
          notes={notes}
          areas={areas}
          onGroup={(ids) => void groupNotes(doc, ids, 'local', serverNow())}
        />
      )}
      <GroupsPanel
        areas={areas}
        notes={notes}
        groups={groups}
        canGroup={canGroup}
        actions={actions}
        emptyHint={emptyHint}
      />
    </aside>
  );
}
