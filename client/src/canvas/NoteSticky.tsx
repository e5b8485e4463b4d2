// One sticky note on the canvas: draws its state; drags report to the parent, which decides what to write.
import { memo } from 'react';
import { Group, Rect, Shape, Text } from 'react-konva';
import type Konva from 'konva';
import type { Note } from '@shared/model/Note.ts';
import { hoverCursor } from './hoverCursor.ts';
import { drawSketch, noteEdge, sketchBars, sketchHit } from './noteSketch.ts';
import { GEOMETRY } from './layout.ts';
import { textDirection } from './textDirection.ts';

/** The font stack for notes: system UI first, then families that cover Arabic, Hebrew and CJK. */
export const NOTE_FONT =
  'system-ui, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans CJK SC", "Noto Sans CJK JP", sans-serif';

export interface NoteStickyProps {
  note: Note;
  x: number;
  y: number;
  /** Its colour (canvas/noteColours.ts: by station or by author). */
  fill: string;
  isDraggable: boolean;
  /** Highlighted while a dragged note would group with this one. */
  isTarget?: boolean;
  /** Part of the multi-selection. */
  isSelected?: boolean;
  /** Zoomed out past reading (SKETCH_BELOW_SCALE): one shape with grey lines for its text, a fraction of the cost. */
  isSketch?: boolean;
  onDragMove: (noteId: string, x: number, y: number) => void;
  onDragEnd: (noteId: string, node: Konva.Node) => void;
  /** A click or tap; `isAdding` when shift was held (add to or take out of the selection). */
  onPick: (noteId: string, isAdding: boolean) => void;
  /** A double-click or double-tap: open it for editing. */
  onOpenEditor: (noteId: string) => void;
}

function NoteStickyView(props: NoteStickyProps) {
  const { note, x, y, fill, isDraggable, isTarget = false, isSelected = false, onDragMove, onDragEnd } = props;
  const { onPick, onOpenEditor, isSketch = false } = props;
  const direction = textDirection(note.text);
  const inner = GEOMETRY.stickyWidth - 16;
  // Observers' notes are kept apart in the export; on the board a dashed edge and a label say so.
  const isObserver = note.authorRole === 'observer';
  const edge = noteEdge(isObserver, isTarget || isSelected);
  const node = {
    name: 'note',
    id: `note-${note.id}`,
    x,
    y,
    draggable: isDraggable,
    // The dragged note goes over its neighbours, so it is never hidden under the note it is dropped on.
    onDragStart: (event: Konva.KonvaEventObject<DragEvent>) => event.target.moveToTop(),
    onDragMove: (event: Konva.KonvaEventObject<DragEvent>) => onDragMove(note.id, event.target.x(), event.target.y()),
    onDragEnd: (event: Konva.KonvaEventObject<DragEvent>) => onDragEnd(note.id, event.target),
    // Konva sends no click after a drag, so a drop never opens the note.
    onClick: (event: Konva.KonvaEventObject<MouseEvent>) => onPick(note.id, event.evt.shiftKey),
    onTap: () => onPick(note.id, false),
    onDblClick: () => onOpenEditor(note.id),
    onDblTap: () => onOpenEditor(note.id),
    ...hoverCursor(isDraggable ? 'grab' : 'pointer', true),
  };
  if (isSketch) {
    // One shape instead of a group of five or more: a zoomed-out view holds hundreds of notes, each drawn per frame.
    const look = { fill, edge, bars: sketchBars(note.text, direction === 'rtl') };
    return (
      <Shape
        {...node}
        width={GEOMETRY.stickyWidth}
        height={GEOMETRY.stickyHeight}
        sceneFunc={(context) => drawSketch(context._context, look)}
        hitFunc={sketchHit}
        perfectDrawEnabled={false}
      />
    );
  }
  const byline = isObserver ? `${note.authorName} · observer` : note.authorName;
  return (
    <Group {...node}>
      {/* A hard offset shadow: a blurred one costs a blur per note per frame, which software canvases feel. */}
      <Rect
        y={2}
        width={GEOMETRY.stickyWidth}
        height={GEOMETRY.stickyHeight}
        fill="rgba(0, 0, 0, 0.13)"
        cornerRadius={3}
        listening={false}
      />
      <Rect
        width={GEOMETRY.stickyWidth}
        height={GEOMETRY.stickyHeight}
        fill={fill}
        stroke={edge?.colour}
        strokeWidth={edge?.width ?? 0}
        dash={edge?.dash ?? undefined}
        cornerRadius={3}
        perfectDrawEnabled={false}
      />
      <Text
        x={8}
        y={8}
        width={inner}
        height={GEOMETRY.stickyHeight - 30}
        text={note.text}
        fontFamily={NOTE_FONT}
        fontSize={14}
        lineHeight={1.15}
        fill="#222"
        listening={false}
        wrap="word"
        ellipsis
        direction={direction}
        align={direction === 'rtl' ? 'right' : 'left'}
      />
      <Text
        x={8}
        y={GEOMETRY.stickyHeight - 18}
        width={inner}
        text={byline}
        fontFamily={NOTE_FONT}
        fontSize={10}
        fill={isObserver ? '#2f4590' : '#555'}
        fontStyle={isObserver ? 'italic' : 'normal'}
        listening={false}
        wrap="none"
        ellipsis
        direction={textDirection(note.authorName)}
        align={textDirection(note.authorName) === 'rtl' ? 'right' : 'left'}
      />
    </Group>
  );
}

/** Memoised: a note re-renders only when its record, position or draggability changes. */
export const NoteSticky = memo(NoteStickyView);
