// A read-only window hook for browser tests: the notes' rectangles as the layout computed them and as the canvas drew them.
import Konva from 'konva';
import { useEffect } from 'react';
import type { BoardLayout } from './layout.ts';
import { GEOMETRY } from './layout.ts';

export interface ProbedRect {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LayoutProbe {
  /** Every note of the current exercise, from layoutBoard. */
  laidOut: () => ProbedRect[];
  /** Every note the canvas has mounted, where its shape is, in board coordinates. */
  drawn: () => ProbedRect[];
}

declare global {
  interface Window {
    scopeboardLayout?: LayoutProbe;
  }
}

/** Publishes the probe while the canvas is mounted; it only reads, so it is safe to leave in the product. */
export function useLayoutProbe(layout: BoardLayout): void {
  useEffect(() => {
    const size = { width: GEOMETRY.stickyWidth, height: GEOMETRY.stickyHeight };
    window.scopeboardLayout = {
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
    };
    return () => {
      delete window.scopeboardLayout;
    };
  }, [layout]);
}
