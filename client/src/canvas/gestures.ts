// Wheel, trackpad and touch gestures of the canvas as pure arithmetic: what each one does to the viewport.
import type { Viewport } from './useViewport.ts';
import { zoomAt } from './useViewport.ts';

export interface WheelInput {
  deltaX: number;
  deltaY: number;
  /** Browsers report a trackpad pinch as a wheel event with ctrlKey set. */
  ctrlKey: boolean;
  /** 0 = pixels (trackpads, most mice in Chromium), 1 = lines. */
  deltaMode: number;
}

/**
 * A pinch (ctrl+wheel) zooms smoothly; a two-finger trackpad scroll (pixel deltas with a sideways part) pans;
 * a plain mouse wheel zooms in steps, as people expect from whiteboards.
 */
export function applyWheel(view: Viewport, input: WheelInput, px: number, py: number): Viewport {
  if (input.ctrlKey) return zoomAt(view, Math.exp(-input.deltaY * 0.01), px, py);
  if (input.deltaMode === 0 && input.deltaX !== 0)
    return { ...view, x: view.x - input.deltaX, y: view.y - input.deltaY };
  return zoomAt(view, input.deltaY < 0 ? 1.1 : 1 / 1.1, px, py);
}

export interface Finger {
  x: number;
  y: number;
}

/** Two fingers moving from `before` to `after`: zoom by the change in their distance, pan with their midpoint. */
export function applyPinch(view: Viewport, before: [Finger, Finger], after: [Finger, Finger]): Viewport {
  const distance = ([a, b]: [Finger, Finger]) => Math.hypot(a.x - b.x, a.y - b.y);
  const middle = ([a, b]: [Finger, Finger]) => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
  const from = middle(before);
  const to = middle(after);
  const factor = distance(before) > 0 ? distance(after) / distance(before) : 1;
  const zoomed = zoomAt(view, factor, from.x, from.y);
  return { ...zoomed, x: zoomed.x + (to.x - from.x), y: zoomed.y + (to.y - from.y) };
}
