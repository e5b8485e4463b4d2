// A read-only window hook for browser tests and the bench: the notes as laid out, as drawn, and where each is on screen.
import Konva from 'konva';
import { useLayoutEffect } from 'react';
import type { BoardLayout } from './layout.ts';
import { GEOMETRY } from './layout.ts';
import type { Viewport } from './useViewport.ts';

export interface ProbedRect {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A note's centre in the canvas element's pixels under the current view, with its text (to find it by). */
export interface ProbedPosition {
  id: string;
  text: string;
  x: number;
  y: number;
}

export interface LayoutProbe {
  /** How many notes of the current exercise are laid out (cheap: no list is built). */
  noteCount: () => number;
  /** Every note of the current exercise, from layoutBoard. */
  laidOut: () => ProbedRect[];
  /** Every note the canvas has mounted, where its shape is, in board coordinates. */
  drawn: () => ProbedRect[];
  /** Every note of the current exercise, where its centre is on screen (mounted or not). */
  positions: () => ProbedPosition[];
}

declare global {
  interface Window {
    scopeboardLayout?: LayoutProbe;
  }
}

/**
 * Publishes the probe while the canvas is mounted; it only reads, so it is safe to leave in the product. A layout
 * effect, so the probe is current before the canvas draws the commit that changed it. Nothing is computed until a
 * caller asks: a board of any size pays nothing for it.
 */
export function useLayoutProbe(layout: BoardLayout, view: Viewport): void {
  useLayoutEffect(() => {
    const size = { width: GEOMETRY.stickyWidth, height: GEOMETRY.stickyHeight };
    window.scopeboardLayout = {
      noteCount: () => layout.notes.length,
      laidOut: () => layout.notes.map((p) => ({ id: p.note.id, x: p.x, y: p.y, ...size })),
      drawn: () =>
        Konva.stages
          .flatMap((stage) => stage.find('.note'))
          .map((node) => ({
            id: node.id().replace(/^note-/, ''),
            x: node.x(),
            y: node.y(),
            ...size,
          })),
      positions: () =>
        layout.notes.map(({ note, x, y }) => ({
          id: note.id,
          text: note.text,
          x: Math.round(view.x + (x + size.width / 2) * view.scale),
          y: Math.round(view.y + (y + size.height / 2) * view.scale),
        })),
    };
    return () => {
      delete window.scopeboardLayout;
    };
  }, [layout, view]);
}
