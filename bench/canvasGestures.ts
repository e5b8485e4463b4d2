// Pan, zoom and note-drag gestures on the board canvas with Playwright's mouse, recording frame times in the page.
import type { Page } from 'playwright-core';
import { summarize, type Summary } from './stats.ts';

/** stats.ts's summary plus the p95 the frame targets are stated in. */
export type FrameSummary = Summary & { p95: number };

/** Nearest-rank p95 over `values`, with the usual summary. */
export function summarizeFrames(values: number[]): FrameSummary {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(0.95 * sorted.length) - 1));
  return { ...summarize(values), p95: Math.round((sorted[rank] ?? NaN) * 100) / 100 };
}

export type GestureKind = 'pan' | 'zoom' | 'drag';

export interface GestureResult {
  gesture: GestureKind;
  /** requestAnimationFrame deltas while the gesture ran. */
  frameMs: FrameSummary;
  /** Share of frames longer than 1.5 vsync intervals (25 ms): visibly dropped frames. */
  droppedShare: number;
  /** Konva drawScene time of the notes layer, per draw, while the gesture ran. */
  notesLayerDrawMs: FrameSummary;
  /** Input events sent (mouse moves or wheel ticks). */
  events: number;
  /** What the drag moved, per Konva's dragstart: 'Stage' (a pan), 'Group' or 'Shape' (a note, a sketched one). */
  dragTargets: string[];
  /** Only for drag: the longest frame in the 600 ms after the drop (the write, relayout and redraw). */
  dropMaxFrameMs?: number;
}

interface Point {
  x: number;
  y: number;
}

interface FrameRecord {
  deltas: number[];
  layerDrawMs: number[];
}

const startFrames = (page: Page) => page.evaluate('window.__canvasProbe.startFrames()');
const stopFrames = (page: Page) => page.evaluate('window.__canvasProbe.stopFrames()') as Promise<FrameRecord>;
const dragTargets = (page: Page) => page.evaluate('window.__canvasProbe.dragTargets.splice(0)') as Promise<string[]>;

function result(gesture: GestureKind, frames: FrameRecord, events: number, targets: string[]): GestureResult {
  const dropped = frames.deltas.filter((d) => d > 25).length;
  return {
    gesture,
    frameMs: summarizeFrames(frames.deltas),
    droppedShare: Math.round((dropped / Math.max(1, frames.deltas.length)) * 1000) / 1000,
    notesLayerDrawMs: summarizeFrames(frames.layerDrawMs),
    events,
    dragTargets: [...new Set(targets)],
  };
}

/** The canvas element's box on the page. */
async function canvasBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.locator('.canvas').boundingBox();
  if (!box) throw new Error('no canvas on the page');
  return box;
}

/**
 * A point of empty stage: the middle of station 1's header, which holds no notes and does not listen, so a
 * press there drags the stage. Read from the stage's own transform.
 */
async function emptyStagePoint(page: Page): Promise<Point> {
  const box = await canvasBox(page);
  const at = (await page.evaluate(`(() => {
    const stage = window.Konva.stages[0];
    return { x: stage.x() + 160 * stage.scaleX(), y: stage.y() + 110 * stage.scaleY() };
  })()`)) as Point;
  return { x: box.x + at.x, y: box.y + at.y };
}

/** The centre of the first note well inside the visible canvas, from the canvas's probe (window.scopeboardLayout), in page pixels. */
async function visibleNoteCenter(page: Page): Promise<Point> {
  const box = await canvasBox(page);
  const at = (await page.evaluate(`(() => {
    for (const { x, y } of window.scopeboardLayout?.positions() ?? []) {
      if (x > 150 && y > 150 && x < ${box.width} - 150 && y < ${box.height} - 150) return { x, y };
    }
    return null;
  })()`)) as Point | null;
  if (!at) throw new Error('no note well inside the visible canvas');
  return { x: box.x + at.x, y: box.y + at.y };
}

/** Moves the pressed mouse back and forth around `from` for `durationMs`, in `step`-pixel moves. */
async function sweep(page: Page, from: Point, durationMs: number, step: number, amplitude: number): Promise<number> {
  const end = performance.now() + durationMs;
  let events = 0;
  let offset = 0;
  let direction = 1;
  while (performance.now() < end) {
    offset += direction * step;
    if (Math.abs(offset) >= amplitude) direction = -direction;
    // A slight diagonal, so both axes change as in a real pan.
    await page.mouse.move(from.x + offset, from.y + offset / 3);
    events++;
  }
  await page.mouse.move(from.x, from.y);
  return events + 1;
}

/** Drags the empty stage back and forth for `durationMs`. */
export async function pan(page: Page, durationMs: number): Promise<GestureResult> {
  const from = await emptyStagePoint(page);
  await dragTargets(page);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await startFrames(page);
  const events = await sweep(page, from, durationMs, 6, 240);
  const frames = await stopFrames(page);
  await page.mouse.up();
  return result('pan', frames, events, await dragTargets(page));
}

/** Wheel zooms at the middle of the canvas: bursts of six in, six out, for `durationMs`. */
export async function zoom(page: Page, durationMs: number): Promise<GestureResult> {
  const box = await canvasBox(page);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await startFrames(page);
  const end = performance.now() + durationMs;
  let events = 0;
  // Whole in-and-out pairs only, so the view ends where it started.
  while (performance.now() < end || events % 12 !== 0) {
    await page.mouse.wheel(0, Math.floor(events / 6) % 2 === 0 ? -100 : 100);
    events++;
  }
  const frames = await stopFrames(page);
  return result('zoom', frames, events, []);
}

/** Drags a visible note around for `durationMs` and drops it where it was picked up. */
export async function dragNote(page: Page, durationMs: number): Promise<GestureResult> {
  const from = await visibleNoteCenter(page);
  await dragTargets(page);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  // Konva starts a drag after a few pixels of movement; start it before recording.
  await page.mouse.move(from.x + 8, from.y + 8, { steps: 4 });
  await startFrames(page);
  const events = await sweep(page, from, durationMs, 4, 120);
  const frames = await stopFrames(page);
  await startFrames(page);
  await page.mouse.up();
  await page.waitForTimeout(600);
  const drop = await stopFrames(page);
  return {
    ...result('drag', frames, events, await dragTargets(page)),
    dropMaxFrameMs: Math.round(Math.max(0, ...drop.deltas) * 10) / 10,
  };
}
