// One sticky note on the canvas: draws its state; drags report to the parent, which decides what to write.
import { memo } from 'react';
import { Group, Rect, Text } from 'react-konva';
import type Konva from 'konva';
import type { Note } from '@shared/model/Note.ts';
import { hoverCursor } from './hoverCursor.ts';
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
  /** Zoomed out past reading (SKETCH_BELOW_SCALE): the text is drawn as grey lines, which cost a fraction of it. */
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
  const byline = isObserver ? `${note.authorName} · observer` : note.authorName;
  return (
    <Group
      name="note"
      id={`note-${note.id}`}
      x={x}
      y={y}
      draggable={isDraggable}
      // The dragged note goes over its neighbours, so it is never hidden under the note it is dropped on.
      onDragStart={(event) => event.target.moveToTop()}
      onDragMove={(event) => onDragMove(note.id, event.target.x(), event.target.y())}
      onDragEnd={(event) => onDragEnd(note.id, event.target)}
      // Konva sends no click after a drag, so a drop never opens the note.
      onClick={(event) => onPick(note.id, event.evt.shiftKey)}
      onTap={() => onPick(note.id, false)}
      onDblClick={() => onOpenEditor(note.id)}
      onDblTap={() => onOpenEditor(note.id)}
      {...hoverCursor(isDraggable ? 'grab' : 'pointer', true)}
    >
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
        stroke={isTarget || isSelected ? '#2d5bd1' : isObserver ? '#4a63b8' : undefined}
        strokeWidth={isTarget || isSelected ? 3 : isObserver ? 1.5 : 0}
        dash={isObserver && !isTarget && !isSelected ? [6, 4] : undefined}
        cornerRadius={3}
        perfectDrawEnabled={false}
      />
      {isSketch ? (
        <TextLines text={note.text} width={inner} isRtl={direction === 'rtl'} />
      ) : (
        <>
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
        </>
      )}
    </Group>
  );
}

/** Below this scale a note's 14 px text is under 6 px on screen: drawn as lines, as Miro and FigJam do. */
export const SKETCH_BELOW_SCALE = 0.4;

const LINE_CHARACTERS = 20;
const LINE_HEIGHT = 16;

/** Where the text would be: one grey bar per line it would take (at most five), the last one as long as its words. */
function TextLines({ text, width, isRtl }: { text: string; width: number; isRtl: boolean }) {
  const lines = Math.min(5, Math.max(1, Math.ceil(text.length / LINE_CHARACTERS)));
  const last =
    text.length > 5 * LINE_CHARACTERS ? 1 : (text.length % LINE_CHARACTERS || LINE_CHARACTERS) / LINE_CHARACTERS;
  return (
    <>
      {Array.from({ length: lines }, (_, i) => {
        const barWidth = i === lines - 1 ? Math.max(12, width * last) : width;
        return (
          <Rect
            key={i}
            x={isRtl ? 8 + width - barWidth : 8}
            y={10 + i * LINE_HEIGHT}
            width={barWidth}
            height={8}
            fill="rgba(0, 0, 0, 0.28)"
            cornerRadius={2}
            listening={false}
            perfectDrawEnabled={false}
          />
        );
      })}
    </>
  );
}

/** Memoised: a note re-renders only when its record, position or draggability changes. */
export const NoteSticky = memo(NoteStickyView);
