// The canvas with grouping, selection, the note sheet, suggestions, undo and shortcuts: wires gestures to shared ops.
import { useCallback, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { renameGroup } from '@shared/doc/ops.ts';
import { setNoteColours } from '@shared/doc/structureOps.ts';
import { applyDrop } from '@shared/ideas/applyDrop.ts';
import type { DropIntent } from '@shared/ideas/dropIntent.ts';
import { moveAndMerge, moveNotes } from '@shared/ideas/moveNotes.ts';
import type { Area } from '@shared/model/Area.ts';
import type { Group } from '@shared/model/Group.ts';
import { DEFAULT_NOTE_COLOURING, type NoteColouring } from '@shared/model/Meta.ts';
import type { Note } from '@shared/model/Note.ts';
import { useBoardState, useCapabilities, useIdentityContext } from '../board/boardHooks.ts';
import type { Mode } from '../list/EditableNote.tsx';
import { noteActions } from '../list/noteActions.ts';
import type { RemoteDrag } from '../presence/awarenessState.ts';
import { useServerTimestamp } from '../session/ServerClockContext.tsx';
import { ShortcutsDialog } from '../shortcuts/ShortcutsDialog.tsx';
import { useShortcuts } from '../shortcuts/useShortcuts.ts';
import { UndoButtons } from '../undo/UndoButtons.tsx';
import { useLocalUndo } from '../undo/useLocalUndo.ts';
import { BoardCanvas } from './BoardCanvas.tsx';
import { GroupingSide } from './GroupingSide.tsx';
import { layoutBoard } from './layout.ts';
import { NOTE_HANDLE_ATTRIBUTE } from './NoteHandles.tsx';
import { NoteSheet } from './NoteSheet.tsx';
import { noteFill, stationFill } from './noteColours.ts';
import type { DropTo } from './useCanvasGrouping.ts';
import { dropChanges } from './dropChanges.ts';
import { useNotePlacer } from './notePlacer.ts';
import { groupSelection, moveSelection } from './selectionActions.ts';
import { SelectionBar } from './SelectionBar.tsx';
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

/** Gives focus back to a note's handle on the canvas, or to the toolbar when the note is gone or out of view. */
function focusNote(noteId: string) {
  requestAnimationFrame(() => {
    const handle = document.querySelector<HTMLElement>(`[${NOTE_HANDLE_ATTRIBUTE}="${CSS.escape(noteId)}"]`);
    (handle ?? document.querySelector<HTMLElement>('.canvas-tools button'))?.focus();
  });
}

export function GroupingWorkspace(props: GroupingWorkspaceProps) {
  const { doc, areas, notes } = props;
  const { board } = useBoardState();
  const { identity } = useIdentityContext();
  const areaIds = useMemo(() => new Set(areas.map((a) => a.id)), [areas]);
  const groups = useMemo(() => props.groups.filter((g) => areaIds.has(g.areaId)), [props.groups, areaIds]);
  const layout = useMemo(() => layoutBoard(areas, notes), [areas, notes]);
  const can = useCapabilities();
  const canGroup = can.may({ kind: 'group' });
  const [editingGroupId, setEditingGroupId] = useState<string | null>(null);
  const [isHelpOpen, setHelpOpen] = useState(false);
  const [opened, setOpened] = useState<{ noteId: string; mode: Mode; at: number } | null>(null);
  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set());
  const history = useLocalUndo(doc);
  // New groups and renames carry the server's time: hand-offs compare them with the session log.
  const serverNow = useServerTimestamp();
  useShortcuts({ undo: history.undo, redo: history.redo, showShortcuts: () => setHelpOpen(true) });
  const placer = useNotePlacer();
  const actions = useMemo(() => noteActions(doc, serverNow, placer), [doc, serverNow, placer]);

  const colouring: NoteColouring = board.meta?.noteColours ?? DEFAULT_NOTE_COLOURING;
  const stationIndex = useMemo(() => new Map(areas.map((a, i) => [a.id, i])), [areas]);
  const fillOf = useCallback((note: Note) => noteFill(note, colouring, stationIndex), [colouring, stationIndex]);
  const stationTint = useCallback(
    (areaId: string) => {
      const index = stationIndex.get(areaId);
      return colouring === 'station' && index !== undefined ? stationFill(index) : undefined;
    },
    [colouring, stationIndex],
  );
  const canEdit = useCallback((authorId: string) => can.may({ kind: 'editNote', authorId }), [can]);

  // Notes that vanished (deleted here or elsewhere) leave the selection.
  const selectedIds = useMemo(() => {
    const live = new Set(notes.map((n) => n.id));
    return new Set([...selection].filter((id) => live.has(id)));
  }, [selection, notes]);
  const onSelect = useCallback((ids: string[], isAdding: boolean) => {
    setSelection((current) => {
      if (!isAdding) return new Set(ids);
      const next = new Set(current);
      // One note with shift (a click, Space) toggles it; a box with shift adds its notes.
      if (ids.length === 1) next[next.has(ids[0]!) ? 'delete' : 'add'](ids[0]!);
      else ids.forEach((id) => next.add(id));
      return next;
    });
  }, []);
  const onOpenNote = useCallback(
    (noteId: string, mode: Mode) => setOpened((o) => ({ noteId, mode, at: (o?.at ?? 0) + 1 })),
    [],
  );
  const openedNote = opened ? notes.find((n) => n.id === opened.noteId) : undefined;
  const closeSheet = useCallback(() => {
    if (opened) focusNote(opened.noteId);
    setOpened(null);
  }, [opened]);

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
  const onMoveSelection = useCallback(
    (delta: { dx: number; dy: number }) => moveSelection(doc, layout, selectedIds, delta, props.canMove).ok,
    [doc, layout, selectedIds, props.canMove],
  );
  const onGroupSelection = useCallback(
    (intoGroupId: string | undefined) => {
      const result = groupSelection(doc, layout, selectedIds, intoGroupId, placer, serverNow());
      if (result.ok) setSelection(new Set());
      return result.ok ? null : result.reason;
    },
    [doc, layout, selectedIds, placer, serverNow],
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
        fillOf={fillOf}
        stationTint={stationTint}
        selectedIds={selectedIds}
        onSelect={onSelect}
        onOpenNote={onOpenNote}
        canEdit={canEdit}
        onMoveSelection={onMoveSelection}
        tools={
          <>
            <UndoButtons history={history} />
            <button type="button" onClick={() => setHelpOpen(true)}>
              Keyboard shortcuts
            </button>
            {identity.role === 'facilitator' && (
              <label className="colour-choice">
                Colour notes by{' '}
                <select
                  value={colouring}
                  onChange={(event) => void setNoteColours(doc, event.target.value as NoteColouring)}
                >
                  <option value="station">Station</option>
                  <option value="author">Author</option>
                </select>
              </label>
            )}
          </>
        }
      />
      {selectedIds.size > 0 && (
        <SelectionBar
          notes={notes.filter((n) => selectedIds.has(n.id))}
          groups={groups}
          canGroup={canGroup}
          onGroup={onGroupSelection}
          onClear={() => setSelection(new Set())}
        />
      )}
      {openedNote && opened && (
        <NoteSheet
          doc={doc}
          board={board}
          note={openedNote}
          areas={areas}
          groups={groups}
          actions={actions}
          initialMode={opened.mode}
          openedAt={opened.at}
          now={serverNow}
          onClose={closeSheet}
        />
      )}
      <GroupingSide
        doc={doc}
        areas={areas}
        notes={notes}
        groups={groups}
        rename={setEditingGroupId}
        layout={layout}
        emptyHint="No groups yet. Drag a note onto another, or select several and press Group, to group them."
      />
      <ShortcutsDialog isOpen={isHelpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
