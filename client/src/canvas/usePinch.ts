// Two-finger pinch zoom on touch screens, from the browser's own touch events on the canvas's element.
import { useEffect, type Dispatch, type RefObject, type SetStateAction } from 'react';
import Konva from 'konva';
import { applyPinch, type Finger } from './gestures.ts';
import type { Viewport } from './useViewport.ts';

/**
 * Native listeners, not Konva's: once one finger has started panning the stage, Konva stops reporting touch moves
 * (it fires no pointer events during a drag), so the second finger would never zoom. A pinch stops that pan.
 */
export function usePinch(ref: RefObject<HTMLElement | null>, setView: Dispatch<SetStateAction<Viewport>>): void {
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let before: [Finger, Finger] | null = null;
    const onMove = (event: TouchEvent) => {
      if (event.touches.length !== 2) return;
      event.preventDefault();
      const box = element.getBoundingClientRect();
      const now = [0, 1].map((i) => ({
        x: event.touches[i]!.clientX - box.left,
        y: event.touches[i]!.clientY - box.top,
      })) as [Finger, Finger];
      const stage = Konva.stages.find((s) => element.contains(s.container()));
      if (stage?.isDragging()) stage.stopDrag();
      const from = before;
      before = now;
      if (from) setView((v) => applyPinch(v, from, now));
    };
    const onEnd = (event: TouchEvent) => {
      if (event.touches.length < 2) before = null;
    };
    element.addEventListener('touchmove', onMove, { passive: false });
    element.addEventListener('touchend', onEnd);
    element.addEventListener('touchcancel', onEnd);
    return () => {
      element.removeEventListener('touchmove', onMove);
      element.removeEventListener('touchend', onEnd);
      element.removeEventListener('touchcancel', onEnd);
    };
  }, [ref, setView]);
}
