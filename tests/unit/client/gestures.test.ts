import { describe, expect, it } from 'vitest';
import { applyPinch, applyWheel } from '../../../client/src/canvas/gestures.ts';

const view = { scale: 1, x: 0, y: 0 };

describe('canvas gestures', () => {
  it.each([
    [
      'mouse wheel up zooms in a step',
      { deltaX: 0, deltaY: -100, ctrlKey: false, deltaMode: 0 },
      (v: typeof view) => v.scale > 1,
    ],
    [
      'mouse wheel down zooms out a step',
      { deltaX: 0, deltaY: 100, ctrlKey: false, deltaMode: 0 },
      (v: typeof view) => v.scale < 1,
    ],
    [
      'trackpad pinch out zooms in smoothly',
      { deltaX: 0, deltaY: -10, ctrlKey: true, deltaMode: 0 },
      (v: typeof view) => v.scale > 1 && v.scale < 1.11,
    ],
    [
      'two-finger trackpad scroll pans',
      { deltaX: 30, deltaY: 20, ctrlKey: false, deltaMode: 0 },
      (v: typeof view) => v.scale === 1 && v.x === -30 && v.y === -20,
    ],
  ])('%s', (_name, input, check) => {
    expect(check(applyWheel(view, input, 100, 100))).toBe(true);
  });

  it('keeps the point under the pinch in place while zooming', () => {
    const after = applyPinch(
      view,
      [
        { x: 90, y: 100 },
        { x: 110, y: 100 },
      ],
      [
        { x: 80, y: 100 },
        { x: 120, y: 100 },
      ],
    );
    expect(after.scale).toBeCloseTo(2);
    // The board point under the fingers' midpoint (100, 100) stays at (100, 100).
    expect((100 - after.x) / after.scale).toBeCloseTo(100);
    expect((100 - after.y) / after.scale).toBeCloseTo(100);
  });

  it('pans with the fingers when their distance stays the same', () => {
    const after = applyPinch(
      view,
      [
        { x: 0, y: 0 },
        { x: 10, y: 0 },
      ],
      [
        { x: 5, y: 7 },
        { x: 15, y: 7 },
      ],
    );
    expect(after).toEqual({ scale: 1, x: 5, y: 7 });
  });
});
