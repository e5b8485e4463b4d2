// Dragging one note of a multi-selection moves them all: the others follow on screen, and one write moves them.
import { useCallback, useEffect, useRef, useState } from 'react';
import type Konva from 'konva';
import type { BoardLayout } from './layout.ts';

interface SelectionOffset {
  draggedId: string;
  dx: number;
  dy: number;
  /** Dropped: the offset is kept until the new positions arrive (a new layout), so the notes do not flash back. */
  droppedOn: BoardLayout | null;
}

export interface SelectionDragOptions {
  layout: BoardLayout;
  selectedIds: ReadonlySet<string>;
  onMoveSelection: (delta: { dx: number; dy: number }) => boolean;
  /** A single note's drag (with its grouping meaning), used when the note is not part of a multi-selection. */
  handleNoteDragMove: (noteId: string, x: number, y: number) => void;
  handleNoteDragEnd: (noteId: string, node: Konva.Node) => void;
}

export function useSelectionDrag(options: SelectionDragOptions) {
  const { layout, selectedIds } = options;
  const [dragged, setOffset] = useState<SelectionOffset | null>(null);
  const offset = dragged && (dragged.droppedOn === null || dragged.droppedOn === layout) ? dragged : null;
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  const isMulti = (noteId: string) => latest.current.selectedIds.size > 1 && latest.current.selectedIds.has(noteId);
  const placeOf = (noteId: string) => latest.current.layout.notes.find((p) => p.note.id === noteId);

  const handleNoteDragMove = useCallback((noteId: string, x: number, y: number) => {
    const placed = placeOf(noteId);
    if (!isMulti(noteId) || !placed) return latest.current.handleNoteDragMove(noteId, x, y);
    setOffset({ draggedId: noteId, dx: x - placed.x, dy: y - placed.y, droppedOn: null });
  }, []);

  const handleNoteDragEnd = useCallback((noteId: string, node: Konva.Node) => {
    const placed = placeOf(noteId);
    if (!isMulti(noteId) || !placed) return latest.current.handleNoteDragEnd(noteId, node);
    const dx = Math.round(node.x() - placed.x);
    const dy = Math.round(node.y() - placed.y);
    const isMoved = latest.current.onMoveSelection({ dx, dy });
    // The dragged node follows the others: put it where the layout will draw it once the move arrives.
    node.position(isMoved ? { x: placed.x + dx, y: placed.y + dy } : { x: placed.x, y: placed.y });
    setOffset(isMoved ? { draggedId: noteId, dx, dy, droppedOn: latest.current.layout } : null);
  }, []);

  /** How far a selected note is drawn from its place while another selected note is dragged. */
  const offsetOf = useCallback(
    (noteId: string) =>
      offset && noteId !== offset.draggedId && selectedIds.has(noteId) ? { dx: offset.dx, dy: offset.dy } : null,
    [offset, selectedIds],
  );

  return { handleNoteDragMove, handleNoteDragEnd, offsetOf };
}
