// Whether the canvas draws notes as sketches (noteSketch.ts): below SKETCH_BELOW_SCALE, and while a zoom into
// reading scale is still running.
import { useEffect, useState } from 'react';
import { SKETCH_BELOW_SCALE } from './noteSketch.ts';

/**
 * How long the scale must stay put above the sketch scale before the notes get their text back. Mounting and
 * drawing the text of every note in view costs several frames on a software canvas; a wheel or pinch zoom sends
 * an event every 16-40 ms, so text waits for the gesture to end instead of being built and dropped mid-zoom.
 */
export const TEXT_SETTLE_MS = 150;

export function useSketchMode(scale: number): boolean {
  const isBelow = scale < SKETCH_BELOW_SCALE;
  const [isSketch, setSketch] = useState(isBelow);
  // Going below is immediate (sketches are the cheap drawing): adjusted during render, so no frame draws text.
  if (isBelow && !isSketch) setSketch(true);
  useEffect(() => {
    if (isBelow || !isSketch) return;
    const timer = setTimeout(() => setSketch(false), TEXT_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [isBelow, isSketch, scale]);
  return isBelow || isSketch;
}
