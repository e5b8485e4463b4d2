// The canvas with grouping, suggestions, undo and shortcuts around it: wires the canvas's gestures to shared ops.
import { useCallback, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { deleteGroup, renameGroup } from '@shared/doc/ops.ts';
import { applyDrop } from '@shared/ideas/applyDrop.ts';
import type { DropIntent } from '@shared/ideas/dropIntent.ts';
import { groupNotes } from '@shared/ideas/groupNotes.ts';
import { mergeGroups } from '@shared/ideas/mergeGroups.ts';
import { moveAndMerge, moveNotes } from '@shared/ideas/moveNotes.ts';
import { tidyLayout } from '@shared/ideas/tidyLayout.ts';
import type { Area } from '@shared/model/Area.ts';
import type { Group } from '@shared/model/Group.ts';
import type { Note } from '@shared/model/Note.ts';
import { isGroupingPhase } from '@shared/rules/phaseSets.ts';
import { useBoardState, useCapabilities } from '../board/boardHooks.ts';
import type { RemoteDrag } from '../presence/awarenessState.ts';
import { useServerTimestamp } from '../session/ServerClockContext.tsx';
import { ShortcutsDialog } from '../shortcuts/ShortcutsDialog.tsx';
import { useShortcuts } from '../shortcuts/useShortcuts.ts';
import { UndoButtons } from '../undo/UndoButtons.tsx';
import { useLocalUndo } from '../undo/useLocalUndo.ts';
import { BoardCanvas } from './BoardCanvas.tsx';
import { GroupsPanel, type GroupActions } from './GroupsPanel.tsx';
import { GEOMETRY, NOTE_GEOMETRY, layoutBoard } from './layout.ts';
import { SuggestionsPanel } from './SuggestionsPanel.tsx';
import type { DropTo } from './useCanvasGrouping.ts';
import { dropChanges } from './dropChanges.ts';
import { useNotePlacer } from './notePlacer.ts';
import { useSuggestions } from './useSuggestions.ts';
import './grouping.css';

export interface GroupingWorkspaceProps {
  doc: Y.Doc;
  areas: Area[];
  notes: Note[];
  /** The board's groups (those of other exercises are left out here). */
  groups: Group[];
  remoteDrags: RemoteDrag[];
  canMove: (note: Note) => boolean;
  onDragging: (drag: { noteId: string; x: number; y: number } | null) => void;
  onMove: (noteId: string, to: DropTo) => boolean;
  focusAreaId?: string | undefined;
}

export function GroupingWorkspace(props: GroupingWorkspaceProps) {
  const { doc, areas, notes } = props;
  const { phase } = useBoardState().board.session;
  const areaIds = useMemo(() => new Set(areas.map((a) => a.id)), [areas]);
  const groups = useMemo(() => props.groups.filter((g) => areaIds.has(g.areaId)), [props.groups, areaIds]);
  const layout = useMemo(() => layoutBoard(areas, notes), [areas, notes]);
  const canGroup = useCapabilities().may({ kind: 'group' });
  const [editingGroupId, setEditingGroupId] = useState<string | null>(null);
  const [isHelpOpen, setHelpOpen] = useState(false);
  const history = useLocalUndo(doc);
  // New groups and renames carry the server's time: hand-offs compare them with the session log.
  const serverNow = useServerTimestamp();
  useShortcuts({ undo: history.undo, redo: history.redo, showShortcuts: () => setHelpOpen(true) });
  // Suggestions are for the room's grouping, not for the facilitator setting up.
  const showSuggestions = canGroup && isGroupingPhase(phase);
  const suggestions = useSuggestions(notes, showSuggestions);

  const placer = useNotePlacer();
  const onDrop = useCallback(
    (noteId: string, to: DropTo, intent: DropIntent) => {
      // A drop that would cover a note lands on the nearest free place instead, the one every screen will draw.
      const note = notes.find((n) => n.id === noteId);
      const changes = dropChanges(noteId, note?.groupId, to, intent);
      const place = placer(...changes) ?? to;
      applyDrop(doc, { noteId, to: { ...to, ...place }, intent, at: serverNow() });
      // The move itself always lands; a refused grouping part (a vanished group) shows as no group.
      return true;
    },
    [doc, serverNow, notes, placer],
  );

  const onMoveGroup = useCallback(
    (groupId: string, { dx, dy }: { dx: number; dy: number }, into: string | undefined) => {
      const moves = layout.notes
        .filter((p) => p.note.groupId === groupId)
        .map((p) => ({ noteId: p.note.id, x: p.x + dx, y: p.y + dy }));
      return (into ? moveAndMerge(doc, moves, groupId, into, 'local', serverNow()) : moveNotes(doc, moves)).ok;
    },
    [doc, layout, serverNow],
  );

  const actions = useMemo<GroupActions>(
    () => ({
      rename: (groupId) => setEditingGroupId(groupId),
      ungroup: (groupId) => void deleteGroup(doc, groupId),
      merge: (fromId, intoId) => void mergeGroups(doc, fromId, intoId, 'local', serverNow()),
      tidy: (areaId) => {
        const station = layout.stations.find((s) => s.area.id === areaId);
        if (!station) return;
        const inset = GEOMETRY.padding - GEOMETRY.framePadding;
        const placed = layout.notes.filter((p) => p.note.areaId === areaId);
        const { positions } = tidyLayout({
          area: {
            x: station.x + inset,
            y: station.y + GEOMETRY.headerHeight,
            width: station.width - 2 * inset,
            height: station.height,
          },
          groupIds: groups.filter((g) => g.areaId === areaId).map((g) => g.id),
          notes: placed.map((p) => ({ id: p.note.id, groupId: p.note.groupId, x: p.x, y: p.y })),
          geometry: NOTE_GEOMETRY,
        });
        const moves = placed.flatMap((p) => {
          const to = positions.get(p.note.id);
          // Only notes that change place are written: a tidy station stays untouched.
          return to && (to.x !== p.note.x || to.y !== p.note.y) ? [{ noteId: p.note.id, x: to.x, y: to.y }] : [];
        });
        if (moves.length > 0) moveNotes(doc, moves);
      },
    }),
    [doc, layout, groups, serverNow],
  );

  return (
    <div className="workspace">
      <BoardCanvas
        areas={areas}
        notes={notes}
        remoteDrags={props.remoteDrags}
        canMove={props.canMove}
        onDragging={props.onDragging}
        onMove={props.onMove}
        focusAreaId={props.focusAreaId}
        layout={layout}
        groups={groups}
        canGroup={canGroup}
        onDrop={onDrop}
        onMoveGroup={onMoveGroup}
        editingGroupId={editingGroupId}
        onEditGroup={setEditingGroupId}
        onRenameGroup={(groupId, label) => void renameGroup(doc, groupId, label, 'local', serverNow())}
        tools={
          <>
            <UndoButtons history={history} />
            <button type="button" onClick={() => setHelpOpen(true)}>
              Keyboard shortcuts
            </button>
          </>
        }
      />
      {(canGroup || groups.length > 0) && (
        <aside className="workspace-side" aria-label="Grouping">
          {showSuggestions && (
            <SuggestionsPanel
              pairs={suggestions}
              notes={notes}
              areas={areas}
              onGroup={(ids) => void groupNotes(doc, ids, 'local', serverNow())}
            />
          )}
          <GroupsPanel areas={areas} notes={notes} groups={groups} canGroup={canGroup} actions={actions} />
        </aside>
      )}
      <ShortcutsDialog isOpen={isHelpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
