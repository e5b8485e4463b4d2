// The canvas's note window through zooms and pans: kept while it holds the view and half a margin, and not too large.
import { describe, expect, it } from 'vitest';
import { nextRegion, viewRegion, WINDOW_MARGIN } from '../../../client/src/canvas/useNoteWindow.ts';
import { zoomAt, type Viewport } from '../../../client/src/canvas/useViewport.ts';

const stage = { width: 740, height: 740 };
const fitted: Viewport = { scale: 0.25, x: 16, y: 16 };

/** The view after `ticks` wheel steps in (positive) or out (negative) at the stage's middle. */
const zoomed = (view: Viewport, ticks: number) =>
  zoomAt(view, Math.pow(ticks > 0 ? 1.1 : 1 / 1.1, Math.abs(ticks)), stage.width / 2, stage.height / 2);

describe('the note window kept through a zoom', () => {
  it('mounts the view plus its margin when nothing is mounted yet', () => {
    expect(nextRegion(null, fitted, stage, true)).toEqual(viewRegion(fitted, stage.width, stage.height));
  });

  it('keeps the sketched region through six wheel ticks in, and returns it unchanged', () => {
    const kept = nextRegion(null, fitted, stage, true);
    for (let tick = 1; tick <= 6; tick++) expect(nextRegion(kept, zoomed(fitted, tick), stage, true)).toBe(kept);
  });

  it('lets a region of notes with text grow to at most 1.5 times what the view wants', () => {
    const opened: Viewport = { scale: 0.85, x: 16, y: 16 };
    const kept = nextRegion(null, opened, stage, false);
    expect(nextRegion(kept, zoomed(opened, 2), stage, false)).toBe(kept);
    const after = nextRegion(kept, zoomed(opened, 3), stage, false);
    expect(after).not.toBe(kept);
    expect(after).toEqual(viewRegion(zoomed(opened, 3), stage.width, stage.height));
  });

  it('re-windows once a zoom out or a pan takes the view and half a margin beyond it', () => {
    const closer: Viewport = { scale: 0.38, x: 16, y: 16 };
    const kept = nextRegion(null, closer, stage, true);
    expect(nextRegion(kept, zoomed(closer, -1), stage, true)).toBe(kept);
    expect(nextRegion(kept, zoomed(closer, -3), stage, true)).not.toBe(kept);
    const step = stage.width * (WINDOW_MARGIN / 2);
    expect(nextRegion(kept, { ...closer, x: closer.x - step }, stage, true)).toBe(kept);
    const far = { ...closer, x: closer.x - step - 1 };
    expect(nextRegion(kept, far, stage, true)).toEqual(viewRegion(far, stage.width, stage.height));
  });
});
