// Selecting notes by drawing a box on the empty canvas: with shift held, or in the toolbar's "Select area" mode.
import { useCallback, useEffect, useRef, useState } from 'react';
import type Konva from 'konva';
import { GEOMETRY, type PlacedNote } from './layout.ts';

export interface LassoBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The ids of the notes a box (board coordinates, any corner order) touches. */
export function notesInBox(notes: readonly PlacedNote[], box: LassoBox): string[] {
  const left = Math.min(box.x, box.x + box.width);
  const right = Math.max(box.x, box.x + box.width);
  const top = Math.min(box.y, box.y + box.height);
  const bottom = Math.max(box.y, box.y + box.height);
  return notes
    .filter(
      (p) => p.x < right && p.x + GEOMETRY.stickyWidth > left && p.y < bottom && p.y + GEOMETRY.stickyHeight > top,
    )
    .map((p) => p.note.id);
}

/** Whether shift is held now: while it is, a drag on the empty canvas selects instead of panning. */
function useShiftKey(): boolean {
  const [isDown, setDown] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => setDown(event.shiftKey);
    const onBlur = () => setDown(false);
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKey);
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKey);
      window.removeEventListener('blur', onBlur);
    };
  }, []);
  return isDown;
}

export function useLasso(notes: readonly PlacedNote[], onSelect: (ids: string[], isAdding: boolean) => void) {
  const [isAreaMode, setAreaMode] = useState(false);
  const isShiftDown = useShiftKey();
  const [box, setBoxState] = useState<LassoBox | null>(null);
  const boxRef = useRef<LassoBox | null>(null);
  const setBox = useCallback((next: LassoBox | null) => {
    boxRef.current = next;
    setBoxState(next);
  }, []);
  const isSelecting = isAreaMode || isShiftDown;

  const pointerOn = (event: Konva.KonvaEventObject<MouseEvent | TouchEvent>) => {
    const stage = event.target.getStage();
    return stage && event.target === stage ? stage.getRelativePointerPosition() : null;
  };
  const onPointerDown = useCallback(
    (event: Konva.KonvaEventObject<MouseEvent | TouchEvent>) => {
      if (!isSelecting) return;
      const at = pointerOn(event);
      if (at) setBox({ x: at.x, y: at.y, width: 0, height: 0 });
    },
    [isSelecting, setBox],
  );
  const onPointerMove = useCallback(
    (event: Konva.KonvaEventObject<MouseEvent | TouchEvent>) => {
      const at = event.target.getStage()?.getRelativePointerPosition();
      const b = boxRef.current;
      if (at && b) setBox({ ...b, width: at.x - b.x, height: at.y - b.y });
    },
    [setBox],
  );
  const onPointerUp = useCallback(
    (event: Konva.KonvaEventObject<MouseEvent | TouchEvent>) => {
      const b = boxRef.current;
      if (!b) return;
      setBox(null);
      onSelect(notesInBox(notes, b), 'shiftKey' in event.evt && event.evt.shiftKey);
    },
    [notes, onSelect, setBox],
  );
  return { box, isSelecting, isAreaMode, setAreaMode, onPointerDown, onPointerMove, onPointerUp };
}
