// Bringing a focused note into view: the least pan that shows it with a margin, no zoom, nothing when it shows.
import { describe, expect, it } from 'vitest';
import { revealRect } from '../../../client/src/canvas/useViewport.ts';

const stage = { width: 800, height: 600 };
const note = { width: 139, height: 112 };

describe('revealRect', () => {
  it('leaves the view alone when the note is in view', () => {
    const view = { scale: 1, x: 0, y: 0 };
    expect(revealRect(view, { x: 100, y: 100, ...note }, stage)).toBe(view);
  });

  it('pans right and down just enough for a note beyond the bottom-right edge, keeping the scale', () => {
    const view = { scale: 0.5, x: 0, y: 0 };
    const moved = revealRect(view, { x: 2000, y: 1500, ...note }, stage);
    expect(moved.scale).toBe(0.5);
    expect(moved.x + (2000 + note.width) * 0.5).toBe(stage.width - 24);
    expect(moved.y + (1500 + note.height) * 0.5).toBe(stage.height - 24);
  });

  it('pans back for a note above and left of the view', () => {
    const moved = revealRect({ scale: 1, x: -500, y: -400 }, { x: 100, y: 100, ...note }, stage);
    expect(moved.x + 100).toBe(24);
    expect(moved.y + 100).toBe(24);
  });
});
