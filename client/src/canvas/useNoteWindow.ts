// Which part of the board the canvas draws notes for: the view plus a margin, following a pan in coarse steps.
import { useCallback, useState } from 'react';
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

/** Whether `outer` holds all of `inner`. */
function holds(outer: BoardRect, inner: BoardRect): boolean {
  return (
    outer.left <= inner.left && outer.top <= inner.top && outer.right >= inner.right && outer.bottom >= inner.bottom
  );
}

const areaOf = (rect: BoardRect) => (rect.right - rect.left) * (rect.bottom - rect.top);

/**
 * How much larger than it needs to be the mounted region may stay after a zoom in: sketched notes cost little each,
 * notes with text much more, so a zoom in keeps the notes it has mounted instead of unmounting some every tick.
 */
export const KEPT_AREA = { sketched: 4, withText: 1.5 } as const;

/**
 * The region to mount for `view`: `kept` (the one mounted now) while it still holds the view plus half a margin
 * and is not too much larger than the region the view wants; else that region. A zoom then re-windows every few
 * wheel ticks instead of every tick, and the notes it keeps are not re-rendered (and their handles not rebuilt).
 */
export function nextRegion(
  kept: BoardRect | null,
  view: Viewport,
  size: { width: number; height: number },
  isSketch: boolean,
): BoardRect {
  const wanted = viewRegion(view, size.width, size.height);
  if (!kept) return wanted;
  const needed = viewRegion(view, size.width, size.height, WINDOW_MARGIN / 2);
  const limit = isSketch ? KEPT_AREA.sketched : KEPT_AREA.withText;
  return holds(kept, needed) && areaOf(kept) <= limit * areaOf(wanted) ? kept : wanted;
}

/**
 * The region of the board whose notes the canvas mounts. A large board then costs what its view shows: only
 * these notes are created, laid out and drawn on each frame. `onStageDragMove` goes on the Stage: the stage
 * pans itself without touching `view` until the drop, so the region follows it here, in steps of half a margin.
 */
export function useNoteWindow(view: Viewport, size: { width: number; height: number }, isSketch: boolean) {
  const [panned, setPanned] = useState<Panned | null>(null);
  const current = panned && panned.from === view ? panned.at : view;
  const [kept, setKept] = useState<{ region: BoardRect; isSketch: boolean } | null>(null);
  // Text coming back (or going) re-windows at once: a region kept from a sketched zoom would mount text for all of it.
  const region = nextRegion(kept && kept.isSketch === isSketch ? kept.region : null, current, size, isSketch);
  if (region !== kept?.region) setKept({ region, isSketch });

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
