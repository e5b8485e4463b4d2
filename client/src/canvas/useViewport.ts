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
