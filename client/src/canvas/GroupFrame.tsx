// One group's frame on the canvas: a tinted box around its notes with the label on top; drag the label strip to move it.
import { memo } from 'react';
import { Group, Rect, Text } from 'react-konva';
import type Konva from 'konva';
import { hoverCursor } from './hoverCursor.ts';
import { GEOMETRY } from './layout.ts';
import { NOTE_FONT } from './NoteSticky.tsx';
import { textDirection } from './textDirection.ts';
import { UNNAMED_GROUP } from './unnamedGroup.ts';

export interface GroupFrameProps {
  groupId: string;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  noteCount: number;
  isDraggable: boolean;
  /** Highlighted while a dragged note or frame would land in it. */
  isTarget: boolean;
  onDragMove: (groupId: string, node: Konva.Node) => void;
  onDragEnd: (groupId: string, node: Konva.Node) => void;
  onEdit: (groupId: string) => void;
}

function GroupFrameView(props: GroupFrameProps) {
  const { groupId, label, x, y, width, height, noteCount, isDraggable, isTarget, onDragMove, onDragEnd, onEdit } =
    props;
  const shown = label || UNNAMED_GROUP;
  const direction = textDirection(shown);
  return (
    <Group
      x={x}
      y={y}
      draggable={isDraggable}
      onDragMove={(event) => onDragMove(groupId, event.target)}
      onDragEnd={(event) => onDragEnd(groupId, event.target)}
      onDblClick={() => onEdit(groupId)}
      onDblTap={() => onEdit(groupId)}
      {...hoverCursor('move', isDraggable)}
    >
      <Rect
        width={width}
        height={height}
        fill={isTarget ? 'rgba(45, 91, 209, 0.16)' : 'rgba(45, 91, 209, 0.07)'}
        stroke={isTarget ? '#2d5bd1' : '#8ea4dc'}
        strokeWidth={isTarget ? 2.5 : 1.5}
        dash={isTarget ? undefined : [8, 4]}
        cornerRadius={6}
      />
      <Text
        x={GEOMETRY.framePadding}
        y={5}
        width={Math.max(0, width - 2 * GEOMETRY.framePadding - 28)}
        text={shown}
        fontFamily={NOTE_FONT}
        fontSize={13}
        fontStyle={label ? 'bold' : 'italic'}
        fill={label ? '#1d2f6b' : '#5b6a94'}
        wrap="none"
        ellipsis
        direction={direction}
        align={direction === 'rtl' ? 'right' : 'left'}
      />
      <Text
        x={width - GEOMETRY.framePadding - 26}
        y={6}
        width={26}
        text={String(noteCount)}
        fontFamily={NOTE_FONT}
        fontSize={11}
        fill="#5b6a94"
        align="right"
      />
    </Group>
  );
}

/** Memoised: a frame re-renders only when its own geometry, label or state changes. */
export const GroupFrame = memo(GroupFrameView);
