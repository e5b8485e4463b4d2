// A note zoomed out past reading, as one Konva shape: its colour, its edge and grey bars where its text would be.
import type Konva from 'konva';
import { GEOMETRY } from './layout.ts';

/** Below this scale a note's 14 px text is under 6 px on screen: drawn as lines, as Miro and FigJam do. */
export const SKETCH_BELOW_SCALE = 0.4;

const LINE_CHARACTERS = 20;
const LINE_HEIGHT = 16;
const INSET = 8;

/** One grey bar, in the note's own coordinates. */
export interface SketchBar {
  x: number;
  y: number;
  width: number;
}

/** The edge drawn round the note: the selection or drop-target highlight, or an observer's dashed edge. */
export interface SketchEdge {
  colour: string;
  width: number;
  dash: number[] | null;
}

export interface SketchLook {
  fill: string;
  edge: SketchEdge | null;
  bars: SketchBar[];
}

/** A note's edge: blue and thick while selected or a drop target, else dashed for an observer's note, else none. */
export function noteEdge(isObserver: boolean, isHighlighted: boolean): SketchEdge | null {
  if (isHighlighted) return { colour: '#2d5bd1', width: 3, dash: null };
  return isObserver ? { colour: '#4a63b8', width: 1.5, dash: [6, 4] } : null;
}

/** Where the text would be: one bar per line it would take (at most five), the last one as long as its words. */
export function sketchBars(text: string, isRtl: boolean): SketchBar[] {
  const width = GEOMETRY.stickyWidth - 2 * INSET;
  const lines = Math.min(5, Math.max(1, Math.ceil(text.length / LINE_CHARACTERS)));
  const last =
    text.length > 5 * LINE_CHARACTERS ? 1 : (text.length % LINE_CHARACTERS || LINE_CHARACTERS) / LINE_CHARACTERS;
  return Array.from({ length: lines }, (_, i) => {
    const barWidth = i === lines - 1 ? Math.max(12, width * last) : width;
    return { x: isRtl ? INSET + width - barWidth : INSET, y: 10 + i * LINE_HEIGHT, width: barWidth };
  });
}

/**
 * Draws a sketched note at the origin of `ctx` (Konva has applied the note's transform). Plain rectangles on the
 * native context: at these scales a corner radius is under a pixel, and arcs cost software canvases the most.
 */
export function drawSketch(ctx: CanvasRenderingContext2D, look: SketchLook): void {
  const { stickyWidth: width, stickyHeight: height } = GEOMETRY;
  // The hard offset shadow the full note has, two board pixels below it.
  ctx.fillStyle = 'rgba(0, 0, 0, 0.13)';
  ctx.fillRect(0, 2, width, height);
  ctx.fillStyle = look.fill;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = 'rgba(0, 0, 0, 0.28)';
  for (const bar of look.bars) ctx.fillRect(bar.x, bar.y, bar.width, 8);
  if (look.edge) {
    ctx.strokeStyle = look.edge.colour;
    ctx.lineWidth = look.edge.width;
    if (look.edge.dash) ctx.setLineDash(look.edge.dash);
    ctx.strokeRect(0, 0, width, height);
  }
}

/** The sketched note's hit area for Konva (drag, click, double-click): its whole rectangle. */
export function sketchHit(context: Konva.Context, shape: Konva.Shape): void {
  context.beginPath();
  context.rect(0, 0, GEOMETRY.stickyWidth, GEOMETRY.stickyHeight);
  context.closePath();
  context.fillStrokeShape(shape);
}
