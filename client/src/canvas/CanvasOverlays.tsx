// HTML over the canvas: focusable handles on group frames (Enter renames), the label editor, and where notes are.
import { countOf } from '@shared/words/count.ts';
import { memo, useDeferredValue, type KeyboardEvent } from 'react';
import type { Viewport } from './useViewport.ts';
import type { AreaFrame } from './useCanvasGrouping.ts';
import type { PlacedNote } from './layout.ts';
import { GEOMETRY } from './layout.ts';
import { UNNAMED_GROUP } from './unnamedGroup.ts';
import { LabelEditor } from './LabelEditor.tsx';

export interface CanvasOverlaysProps {
  view: Viewport;
  frames: readonly AreaFrame[];
  notes: readonly PlacedNote[];
  editingGroupId: string | null;
  /** Labels of all groups, including empty ones (which have no frame). */
  labels: ReadonlyMap<string, string>;
  canGroup: boolean;
  onEdit: (groupId: string | null) => void;
  onRename: (groupId: string, label: string) => void;
}

export function CanvasOverlays({
  view,
  frames,
  notes,
  editingGroupId,
  labels,
  canGroup,
  onEdit,
  onRename,
}: CanvasOverlaysProps) {
  const toScreen = (x: number, y: number) => ({ left: view.x + x * view.scale, top: view.y + y * view.scale });
  const editing = editingGroupId === null ? undefined : frames.find((f) => f.groupId === editingGroupId);
  const onHandleKey = (groupId: string) => (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      onEdit(groupId);
    }
  };
  return (
    <>
      {canGroup &&
        frames.map((frame) => {
          const { left, top } = toScreen(frame.x, frame.y);
          return (
            <button
              key={frame.groupId}
              type="button"
              className="frame-handle"
              data-group-id={frame.groupId}
              aria-label={`Group ${frame.label || UNNAMED_GROUP}, ${countOf(frame.noteIds.length, 'note')}: press Enter to rename`}
              style={{ left, top, width: frame.width * view.scale, height: GEOMETRY.frameHeader * view.scale }}
              onKeyDown={onHandleKey(frame.groupId)}
              tabIndex={0}
            />
          );
        })}
      {editingGroupId !== null && (
        <LabelEditor
          key={editingGroupId}
          label={labels.get(editingGroupId) ?? ''}
          // A group without notes has no frame: edit it at the top of the canvas.
          {...(editing
            ? { ...toScreen(editing.x, editing.y), width: editing.width * view.scale }
            : { left: 8, top: 8, width: 240 })}
          onCommit={(label) => {
            onRename(editingGroupId, label);
            onEdit(null);
          }}
          onCancel={() => onEdit(null)}
        />
      )}
      <NotePositions view={view} notes={notes} />
    </>
  );
}

/**
 * Where every note is on screen, for tests and tools. It lists every note of the board, so it follows the
 * view as a deferred update: a zoom repaints the canvas first and rewrites this list when the page is idle.
 */
const NotePositions = memo(function NotePositions({ view, notes }: { view: Viewport; notes: readonly PlacedNote[] }) {
  const shown = useDeferredValue(view);
  return <NotePositionList view={shown} notes={notes} />;
});

const NotePositionList = memo(function NotePositionList({
  view,
  notes,
}: {
  view: Viewport;
  notes: readonly PlacedNote[];
}) {
  return (
    // Skipped by style and layout (nobody sees or hears it): laying out every note's text again, on each view change,
    // was a large share of a big board's join.
    <ul className="sr-only" aria-hidden="true" data-testid="note-positions" style={{ contentVisibility: 'hidden' }}>
      {notes.map(({ note, x, y }) => {
        const left = view.x + (x + GEOMETRY.stickyWidth / 2) * view.scale;
        const top = view.y + (y + GEOMETRY.stickyHeight / 2) * view.scale;
        return (
          <li key={note.id} data-note-id={note.id} data-x={Math.round(left)} data-y={Math.round(top)} dir="auto">
            {note.text}
          </li>
        );
      })}
    </ul>
  );
});
