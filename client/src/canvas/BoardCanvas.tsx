// The board canvas: stations, group frames, notes and remote drags in react-konva, with pan, zoom and grouping drags.
import { useCallback, useMemo, useRef, type ReactNode } from 'react';
import { Layer, Rect, Stage } from 'react-konva';
import type Konva from 'konva';
import type { Area } from '@shared/model/Area.ts';
import type { Group } from '@shared/model/Group.ts';
import type { Note } from '@shared/model/Note.ts';
import type { DropIntent } from '@shared/ideas/dropIntent.ts';
import type { RemoteDrag } from '../presence/awarenessState.ts';
import { CanvasOverlays } from './CanvasOverlays.tsx';
import { GroupFrame } from './GroupFrame.tsx';
import { GEOMETRY, layoutBoard, type BoardLayout, type PlacedNote } from './layout.ts';
import { useLayoutProbe } from './layoutProbe.ts';
import { NoteSticky } from './NoteSticky.tsx';
import { RemoteDragLayer } from './RemoteDragLayer.tsx';
import { StationShape } from './StationShape.tsx';
import { useCanvasGrouping, type DropTo } from './useCanvasGrouping.ts';
import { revealRect, useViewport } from './useViewport.ts';
import { useOpeningView } from './useOpeningView.ts';
import { meets, useNoteWindow } from './useNoteWindow.ts';
import { useSketchMode } from './useSketchMode.ts';
import { applyWheel } from './gestures.ts';
import { usePinch } from './usePinch.ts';
import { useElementSize } from './useElementSize.ts';
import { focusView } from '../session/focusView.ts';
import type { Mode } from '../list/EditableNote.tsx';
import { CanvasTools } from './CanvasTools.tsx';
import { NoteHandles } from './NoteHandles.tsx';
import { useLasso } from './useLasso.ts';
import { useSelectionDrag } from './useSelectionDrag.ts';

const NO_GROUPS: Group[] = [];

export interface BoardCanvasProps {
  areas: Area[];
  notes: Note[];
  remoteDrags: RemoteDrag[];
  canMove: (note: Note) => boolean;
  /** Live position while dragging (board coordinates); null when the drag ends. */
  onDragging: (drag: { noteId: string; x: number; y: number } | null) => void;
  /** The drop: write the new position once. Returns false when the move was refused, so the note snaps back. */
  onMove: (noteId: string, to: DropTo) => boolean;
  /** A station to bring into view (a participant's team station); each new one re-centres the view once. */
  focusAreaId?: string | undefined;
  /** The layout of `areas` and `notes`, when the caller has it already (else computed here). */
  layout?: BoardLayout | undefined;
  groups?: Group[] | undefined;
  /** Whether drops may group notes and frames may be moved, merged and renamed (the phase allows grouping). */
  canGroup?: boolean | undefined;
  onDrop?: ((noteId: string, to: DropTo, intent: DropIntent) => boolean) | undefined;
  onMoveGroup?:
    ((groupId: string, delta: { dx: number; dy: number }, intoGroupId: string | undefined) => boolean) | undefined;
  /** The group whose label is being edited, if any; set through onEditGroup (double-click, Enter on a frame). */
  editingGroupId?: string | null | undefined;
  onEditGroup?: ((groupId: string | null) => void) | undefined;
  onRenameGroup?: ((groupId: string, label: string) => void) | undefined;
  /** More buttons for the toolbar (undo, shortcuts...). */
  tools?: ReactNode;
  /** Each note's fill (by station or by author). */
  fillOf: (note: Note) => string;
  /** A station's colour when notes are coloured by station (undefined otherwise). */
  stationTint?: ((areaId: string) => string | undefined) | undefined;
  /** The multi-selection, and how a click, Space or a lasso changes it (`isAdding`: shift held). */
  selectedIds: ReadonlySet<string>;
  onSelect: (ids: string[], isAdding: boolean) => void;
  /** Opens a note's side sheet: reading, in its editor, or at the delete question. */
  onOpenNote: (noteId: string, mode: Mode) => void;
  /** Whether this person may edit (and delete) a note by this author. */
  canEdit: (authorId: string) => boolean;
  /** Several selected notes dragged together by (dx, dy); returns false when refused (they snap back). */
  onMoveSelection: (delta: { dx: number; dy: number }) => boolean;
}

const ignore = () => undefined;

export function BoardCanvas(props: BoardCanvasProps) {
  const { areas, notes, remoteDrags, canMove, onDragging, onMove, focusAreaId } = props;
  const { fillOf, selectedIds, onSelect, onOpenNote, canEdit, onMoveSelection } = props;
  const {
    groups = NO_GROUPS,
    canGroup = false,
    editingGroupId = null,
    onEditGroup = ignore,
    onRenameGroup = ignore,
  } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const size = useElementSize(containerRef);
  const ownLayout = useMemo(() => (props.layout ? null : layoutBoard(areas, notes)), [props.layout, areas, notes]);
  const layout = props.layout ?? ownLayout!;
  const { view, setView, zoom } = useViewport();
  const { fit, focused, focusedNumber, showFocused } = useOpeningView({ layout, size, view, setView, focusAreaId });
  useLayoutProbe(layout, view);
  const notesById = useMemo(() => new Map(notes.map((note) => [note.id, note])), [notes]);
  const labels = useMemo(() => new Map(groups.map((g) => [g.id, g.label])), [groups]);
  const grouping = useCanvasGrouping({
    layout,
    groups,
    canGroup,
    onDragging,
    onMove,
    onDrop: props.onDrop,
    onMoveGroup: props.onMoveGroup,
  });

  const selectionDrag = useSelectionDrag({
    layout,
    selectedIds,
    onMoveSelection,
    handleNoteDragMove: grouping.handleNoteDragMove,
    handleNoteDragEnd: grouping.handleNoteDragEnd,
  });
  const lasso = useLasso(layout.notes, onSelect);
  const onPick = useCallback(
    (noteId: string, isAdding: boolean) => (isAdding ? onSelect([noteId], true) : onOpenNote(noteId, 'read')),
    [onSelect, onOpenNote],
  );
  const onToggleSelect = useCallback((noteId: string) => onSelect([noteId], true), [onSelect]);
  const onFocusNote = useCallback(
    (placed: PlacedNote) => {
      const rect = { x: placed.x, y: placed.y, width: GEOMETRY.stickyWidth, height: GEOMETRY.stickyHeight };
      setView((v) => revealRect(v, rect, size));
    },
    [setView, size],
  );
  const onOpenEditor = useCallback(
    (noteId: string) => {
      const note = notesById.get(noteId);
      onOpenNote(noteId, note && canEdit(note.authorId) ? 'edit' : 'read');
    },
    [notesById, canEdit, onOpenNote],
  );

  // Only notes near the view are mounted (and those of a dragged frame, which may bring them into view).
  const isSketch = useSketchMode(view.scale);
  const noteWindow = useNoteWindow(view, size, isSketch);
  const { region } = noteWindow;
  const { offsetOf } = grouping;
  const shownNotes = useMemo(
    () =>
      layout.notes.filter(
        (p) =>
          offsetOf(p.note.groupId) !== null || meets(region, p.x, p.y, GEOMETRY.stickyWidth, GEOMETRY.stickyHeight),
      ),
    [layout.notes, region, offsetOf],
  );
  const shownFrames = useMemo(
    () => grouping.frames.filter((f) => offsetOf(f.groupId) !== null || meets(region, f.x, f.y, f.width, f.height)),
    [grouping.frames, region, offsetOf],
  );

  const onWheel = useCallback(
    (event: Konva.KonvaEventObject<WheelEvent>) => {
      event.evt.preventDefault();
      const stage = event.target.getStage();
      const pointer = stage?.getPointerPosition();
      if (!pointer) return;
      setView((v) => applyWheel(v, event.evt, pointer.x, pointer.y));
    },
    [setView],
  );

  usePinch(containerRef, setView);

  const zoomCenter = (factor: number) => zoom(factor, size.width / 2, size.height / 2);
  const noteTarget = grouping.target?.startsWith('note:') ? grouping.target.slice(5) : null;

  return (
    <div className="canvas-wrap" data-focused-station={focusedNumber || undefined}>
      <CanvasTools
        stations={layout.stations}
        focused={focused}
        focusedNumber={focusedNumber}
        onZoom={zoomCenter}
        onFit={fit}
        onShowFocused={showFocused}
        onShowStation={(station) => size.width > 0 && setView(focusView(station, size.width))}
        isAreaMode={lasso.isAreaMode}
        onAreaMode={lasso.setAreaMode}
      >
        {props.tools}
      </CanvasTools>
      <div className="canvas-area">
        <div ref={containerRef} className="canvas" aria-hidden="true">
          {size.width > 0 && (
            <Stage
              width={size.width}
              height={size.height}
              scaleX={view.scale}
              scaleY={view.scale}
              x={view.x}
              y={view.y}
              // While selecting an area (shift held, or the toolbar's mode) a drag on the empty canvas draws a box.
              draggable={!lasso.isSelecting}
              onMouseDown={lasso.onPointerDown}
              onMouseMove={lasso.onPointerMove}
              onMouseUp={lasso.onPointerUp}
              onTouchStart={lasso.onPointerDown}
              onClick={(event) => {
                if (event.target === event.target.getStage() && !event.evt.shiftKey && !lasso.isAreaMode)
                  onSelect([], false);
              }}
              onDragMove={noteWindow.onStageDragMove}
              onDragEnd={(event) => {
                // Only the stage's own drag pans; note and frame drags bubble here too.
                if (event.target === event.target.getStage())
                  setView((v) => ({ ...v, x: event.target.x(), y: event.target.y() }));
              }}
              onWheel={onWheel}
              onTouchMove={lasso.onPointerMove}
              onTouchEnd={lasso.onPointerUp}
            >
              <Layer listening={false}>
                {layout.stations.map((station, index) => (
                  <StationShape
                    key={station.area.id}
                    station={station}
                    number={index + 1}
                    tint={props.stationTint?.(station.area.id)}
                  />
                ))}
              </Layer>
              {/* Frames on their own layer, under the notes: dragging a note never repaints them. */}
              <Layer>
                {shownFrames.map((frame) => (
                  <GroupFrame
                    key={frame.groupId}
                    groupId={frame.groupId}
                    label={frame.label}
                    x={frame.x}
                    y={frame.y}
                    width={frame.width}
                    height={frame.height}
                    noteCount={frame.noteIds.length}
                    isDraggable={canGroup}
                    isTarget={grouping.target === frame.groupId}
                    onDragMove={grouping.handleFrameDragMove}
                    onDragEnd={grouping.handleFrameDragEnd}
                    onEdit={canGroup ? onEditGroup : ignore}
                  />
                ))}
              </Layer>
              <Layer>
                {shownNotes.map(({ note, x, y }) => {
                  const offset = grouping.offsetOf(note.groupId) ?? selectionDrag.offsetOf(note.id);
                  return (
                    <NoteSticky
                      key={note.id}
                      note={note}
                      x={offset ? x + offset.dx : x}
                      y={offset ? y + offset.dy : y}
                      fill={fillOf(note)}
                      isDraggable={canMove(note)}
                      isTarget={noteTarget === note.id}
                      isSelected={selectedIds.has(note.id)}
                      isSketch={isSketch}
                      onDragMove={selectionDrag.handleNoteDragMove}
                      onDragEnd={selectionDrag.handleNoteDragEnd}
                      onPick={onPick}
                      onOpenEditor={onOpenEditor}
                    />
                  );
                })}
              </Layer>
              <RemoteDragLayer drags={remoteDrags} notesById={notesById} />
              {lasso.box && (
                <Layer listening={false}>
                  <Rect
                    {...lasso.box}
                    stroke="#2d5bd1"
                    strokeWidth={1.5 / view.scale}
                    dash={[6 / view.scale, 4 / view.scale]}
                    fill="rgba(45, 91, 209, 0.08)"
                  />
                </Layer>
              )}
            </Stage>
          )}
        </div>
        <NoteHandles
          view={view}
          notes={shownNotes}
          selectedIds={selectedIds}
          canEdit={canEdit}
          onOpen={onOpenNote}
          onToggleSelect={onToggleSelect}
          onFocusNote={onFocusNote}
        />
        <CanvasOverlays
          view={view}
          frames={grouping.frames}
          editingGroupId={editingGroupId}
          labels={labels}
          canGroup={canGroup}
          onEdit={onEditGroup}
          onRename={onRenameGroup}
        />
      </div>
    </div>
  );
}
