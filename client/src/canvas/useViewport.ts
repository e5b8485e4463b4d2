// Pan and zoom of the board canvas: a scale and an offset, changed by dragging the empty stage, the wheel or buttons.
import { useCallback, useState } from 'react';

export interface Viewport {
  scale: number;
  x: number;
  y: number;
}

export const MIN_SCALE = 0.25;
export const MAX_SCALE = 2.5;

const clamp = (scale: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

/** Zooms by `factor` keeping the board point under (px, py) (stage pixels) in place. */
export function zoomAt(view: Viewport, factor: number, px: number, py: number): Viewport {
  const scale = clamp(view.scale * factor);
  const boardX = (px - view.x) / view.scale;
  const boardY = (py - view.y) / view.scale;
  return { scale, x: px - boardX * scale, y: py - boardY * scale };
}

/** The scale and offset that fit a board of the given size into the stage, never above 1. */
export function fitView(boardWidth: number, boardHeight: number, stageWidth: number, stageHeight: number): Viewport {
  const margin = 16;
  if (boardWidth <= 0 || boardHeight <= 0) return { scale: 1, x: margin, y: margin };
  const scale = clamp(Math.min(1, (stageWidth - 2 * margin) / boardWidth, (stageHeight - 2 * margin) / boardHeight));
  return { scale, x: margin, y: margin };
}

export function useViewport(initial: Viewport = { scale: 1, x: 16, y: 16 }) {
  const [view, setView] = useState(initial);
  const zoom = useCallback((factor: number, px: number, py: number) => setView((v) => zoomAt(v, factor, px, py)), []);
  return { view, setView, zoom };
}

/**
 * The view moved (same scale) just enough to show a board rectangle with a margin, on a stage of the given size:
 * unchanged when it is already in view. Keyboard focus on a note out of view brings it in.
 */
export function revealRect(
  view: Viewport,
  rect: { x: number; y: number; width: number; height: number },
  stage: { width: number; height: number },
  margin = 24,
): Viewport {
  const shift = (start: number, size: number, room: number) => {
    if (start < margin) return margin - start;
    if (start + size > room - margin) return Math.max(margin - start, room - margin - (start + size));
    return 0;
  };
  const dx = shift(view.x + rect.x * view.scale, rect.width * view.scale, stage.width);
  const dy = shift(view.y + rect.y * view.scale, rect.height * view.scale, stage.height);
  return dx === 0 && dy === 0 ? view : { ...view, x: view.x + dx, y: view.y + dy };
}
