// Which part of the board the canvas draws notes for: the view plus a margin, following a pan in coarse steps.
import { useCallback, useMemo, useState } from 'react';
import type Konva from 'konva';
import type { Viewport } from './useViewport.ts';

/** A rectangle in board coordinates. */
export interface BoardRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Screen kept ready around the view, as a share of the stage's size on each side. A pan re-windows once the
 * stage has moved half of it, so the notes coming into view are mounted before they show.
 */
export const WINDOW_MARGIN = 0.25;

/** The board area seen through `view` on a stage of `width` x `height` pixels, grown by `margin` of the stage on each side. */
export function viewRegion(view: Viewport, width: number, height: number, margin = WINDOW_MARGIN): BoardRect {
  const mx = width * margin;
  const my = height * margin;
  return {
    left: (-view.x - mx) / view.scale,
    top: (-view.y - my) / view.scale,
    right: (width + mx - view.x) / view.scale,
    bottom: (height + my - view.y) / view.scale,
  };
}

/** Whether a box at (x, y) of `width` x `height` overlaps `rect`. */
export function meets(rect: BoardRect, x: number, y: number, width: number, height: number): boolean {
  return x < rect.right && x + width > rect.left && y < rect.bottom && y + height > rect.top;
}

interface Panned {
  /** The view the pan started from: once `view` changes (the pan ended, a zoom), this is stale. */
  from: Viewport;
  at: Viewport;
}

/**
 * The region of the board whose notes the canvas mounts. A large board then costs what its view shows: only
 * these notes are created, laid out and drawn on each frame. `onStageDragMove` goes on the Stage: the stage
 * pans itself without touching `view` until the drop, so the region follows it here, in steps of half a margin.
 */
export function useNoteWindow(view: Viewport, size: { width: number; height: number }) {
  const [panned, setPanned] = useState<Panned | null>(null);
  const current = panned && panned.from === view ? panned.at : view;
  const region = useMemo(() => viewRegion(current, size.width, size.height), [current, size.width, size.height]);

  const onStageDragMove = useCallback(
    (event: Konva.KonvaEventObject<DragEvent>) => {
      const stage = event.target.getStage();
      // Note and frame drags bubble here too; only the stage's own drag pans.
      if (!stage || event.target !== stage) return;
      const step = WINDOW_MARGIN / 2;
      if (Math.abs(stage.x() - current.x) < size.width * step && Math.abs(stage.y() - current.y) < size.height * step)
        return;
      setPanned({ from: view, at: { scale: view.scale, x: stage.x(), y: stage.y() } });
    },
    [view, current, size.width, size.height],
  );

  return { region, onStageDragMove };
}
