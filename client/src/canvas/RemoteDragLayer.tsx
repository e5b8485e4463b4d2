// Notes other people are dragging right now (from awareness), on their own layer so the notes layer never repaints.
import { Group, Layer, Rect, Text } from 'react-konva';
import type { Note } from '@shared/model/Note.ts';
import type { RemoteDrag } from '../presence/awarenessState.ts';
import { GEOMETRY } from './layout.ts';
import { NOTE_FONT } from './NoteSticky.tsx';

export function RemoteDragLayer({ drags, notesById }: { drags: RemoteDrag[]; notesById: Map<string, Note> }) {
  return (
    <Layer listening={false}>
      {drags.map((drag) => {
        const note = notesById.get(drag.noteId);
        if (!note) return null;
        return (
          <Group key={drag.clientId} x={drag.x} y={drag.y} opacity={0.85}>
            <Rect
              width={GEOMETRY.stickyWidth}
              height={GEOMETRY.stickyHeight}
              fill="#fff3a0"
              stroke="#3b6fd8"
              strokeWidth={2}
              dash={[6, 4]}
              cornerRadius={3}
            />
            <Text
              x={8}
              y={8}
              width={GEOMETRY.stickyWidth - 16}
              height={GEOMETRY.stickyHeight - 16}
              text={note.text}
              fontFamily={NOTE_FONT}
              fontSize={13}
              fill="#222"
              ellipsis
            />
            <Text
              x={0}
              y={-16}
              text={`${drag.name} is moving this`}
              fontFamily={NOTE_FONT}
              fontSize={11}
              fill="#3b6fd8"
            />
          </Group>
        );
      })}
    </Layer>
  );
}
