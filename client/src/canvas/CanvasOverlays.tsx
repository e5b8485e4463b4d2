// HTML over the canvas: focusable handles on group frames (Enter renames) and the label editor. (Where each note
// is on screen, for tests and tools, is window.scopeboardLayout.positions(): layoutProbe.ts.)
import { countOf } from '@shared/words/count.ts';
import type { KeyboardEvent } from 'react';
import type { Viewport } from './useViewport.ts';
import type { AreaFrame } from './useCanvasGrouping.ts';
import { GEOMETRY } from './layout.ts';
import { UNNAMED_GROUP } from './unnamedGroup.ts';
import { LabelEditor } from './LabelEditor.tsx';

export interface CanvasOverlaysProps {
  view: Viewport;
  frames: readonly AreaFrame[];
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
    </>
  );
}
